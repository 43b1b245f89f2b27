import { InvalidEnvironmentError, validateEnvironment } from './env.validation';

describe(validateEnvironment.name, () => {
  it('fills every default when nothing is set', () => {
    expect(validateEnvironment({})).toMatchObject({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/jixiao',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'jixiao',
      PORT: 3000,
    });
  });

  it('converts numbers given as strings', () => {
    expect(validateEnvironment({ PORT: '8080', IMPORT_CONCURRENCY: '4' })).toMatchObject({ PORT: 8080, IMPORT_CONCURRENCY: 4 });
  });

  it.each([
    ['DATABASE_URL', 'mysql://root@localhost/jixiao'],
    ['DATABASE_URL', 'postgres://localhost'],
    ['REDIS_URL', 'localhost:6379'],
    ['REDIS_PREFIX', 'a:b'],
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    expect(() => validateEnvironment({ [name]: value })).toThrow(InvalidEnvironmentError);
    expect(() => validateEnvironment({ [name]: value })).toThrow(new RegExp(`^[^]*\\n  ${name}: `));
  });

  it('lists every bad variable in one message', () => {
    expect(() => validateEnvironment({ DATABASE_URL: 'x', REDIS_URL: 'y' })).toThrow(/DATABASE_URL[^]*REDIS_URL/);
  });
});
