import type { OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

const SWEEP_EVERY_MS = 60_000;
/** Expired hits are dropped from the front of the queue; the array is compacted once they outnumber the live ones. */
const COMPACT_AFTER = 1_024;

/** The hits of one key in its window, oldest first: each expiry is `now + ttl` with the key's fixed ttl, so in order. */
class HitQueue {
  private expiries: number[] = [];
  private head = 0;

  get size(): number {
    return this.expiries.length - this.head;
  }

  get oldest(): number {
    return this.expiries[this.head];
  }

  get newest(): number {
    return this.expiries[this.expiries.length - 1];
  }

  push(expiresAt: number): void {
    this.expiries.push(expiresAt);
  }

  dropExpired(now: number): void {
    while (this.head < this.expiries.length && this.expiries[this.head] <= now) this.head++;
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.expiries.length) {
      this.expiries = this.expiries.slice(this.head);
      this.head = 0;
    }
  }

  clear(): void {
    this.expiries = [];
    this.head = 0;
  }
}

interface KeyRecord {
  hits: HitQueue;
  expiresAt: number;
  isBlocked: boolean;
  blockExpiresAt: number;
}

/**
 * The sliding window of @nestjs/throttler's in-memory ThrottlerStorageService, hit for hit and block for block,
 * in amortised O(1) per request: that one filters and copies every hit of the window on each request, which at
 * hundreds of requests a second from one client costs more than the request.
 */
export class SlidingWindowStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly records = new Map<string, KeyRecord>();
  private sweep: NodeJS.Timeout | undefined;

  // The guard's key already names the throttler, so one record per key serves it.
  increment(key: string, ttl: number, limit: number, blockDuration: number, _throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    this.sweep ??= setInterval(() => this.evictIdle(Date.now()), SWEEP_EVERY_MS).unref();
    let record = this.records.get(key);
    if (!record) {
      record = { hits: new HitQueue(), expiresAt: now + ttl, isBlocked: false, blockExpiresAt: 0 };
      this.records.set(key, record);
    }
    const { hits } = record;
    hits.dropExpired(now);
    if (record.expiresAt <= now) record.expiresAt = now + ttl;
    const timeToExpire = seconds(record.expiresAt - now);

    if (blockDuration <= 0) {
      const isBlocked = hits.size >= limit;
      if (!isBlocked) hits.push(now + ttl);
      return Promise.resolve({
        totalHits: hits.size + (isBlocked ? 1 : 0),
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked ? seconds(hits.oldest - now) : 0,
      });
    }
    if (!record.isBlocked) hits.push(now + ttl);
    if (hits.size > limit && !record.isBlocked) {
      record.isBlocked = true;
      record.blockExpiresAt = now + blockDuration;
    }
    const timeToBlockExpire = seconds(record.blockExpiresAt - now);
    if (timeToBlockExpire <= 0 && record.isBlocked) {
      record.isBlocked = false;
      hits.clear();
      hits.push(now + ttl);
    }
    return Promise.resolve({ totalHits: hits.size, timeToExpire, isBlocked: record.isBlocked, timeToBlockExpire });
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweep);
    this.records.clear();
  }

  private evictIdle(now: number): void {
    for (const [key, record] of this.records) {
      const blocked = record.isBlocked && record.blockExpiresAt > now;
      if (!blocked && record.expiresAt <= now && !(record.hits.size > 0 && record.hits.newest > now)) this.records.delete(key);
    }
  }
}

function seconds(milliseconds: number): number {
  return Math.ceil(milliseconds / 1000);
}
