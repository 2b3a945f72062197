namespace ChargeConsole.Shared;

/// <summary>
/// Runs an action at most once per <paramref name="delay"/> however often it is requested, on the
/// component's dispatcher: live events arrive in bursts, a page reloads once.
/// </summary>
public sealed class Coalescer(Func<Func<Task>, Task> dispatch, Func<Task> action, TimeSpan delay)
{
    private int _queued;

    public void Request()
    {
        if (Interlocked.Exchange(ref _queued, 1) == 1) return;
        _ = dispatch(async () =>
        {
            await Task.Delay(delay);
            Interlocked.Exchange(ref _queued, 0);
            await action();
        });
    }
}
