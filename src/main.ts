// Replaced by the service skeleton.
