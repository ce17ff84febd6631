namespace Outloop.Notify;

/// <summary>What one flush of the outbox did: notifications taken, deliveries that succeeded, failed, or were skipped (a missing variable, a bad URL).</summary>
internal sealed record DispatchSummary(int Notifications, int Delivered, int Failed, int Skipped)
{
    public override string ToString() =>
        $"{Notifications} notification(s): {Delivered} delivered, {Failed} failed, {Skipped} skipped";
}
