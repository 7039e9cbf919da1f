import { retryDelaySeconds } from './webhook-retry';

describe('retryDelaySeconds', () => {
  it.each([
    [1, 5],
    [2, 10],
    [3, 20],
    [4, 40],
    [10, 2560],
    [11, 3600],
    [40, 3600],
  ])('attempt %i waits %i s without jitter', (attempt, seconds) => {
    expect(retryDelaySeconds(attempt, 5, () => 0.5)).toBe(seconds);
  });

  it('jitters by at most a quarter either way', () => {
    expect(retryDelaySeconds(3, 5, () => 0)).toBe(15);
    expect(retryDelaySeconds(3, 5, () => 0.999999)).toBe(25);
  });
});
