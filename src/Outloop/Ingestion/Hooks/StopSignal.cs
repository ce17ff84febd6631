namespace Outloop.Ingestion.Hooks;

/// <summary>What <see cref="HookStopSignal"/> did with one event: the marker it left, the project's counter, whether the review was due and a follow-up started.</summary>
internal sealed record StopSignal(string? Marker, long Count, bool Due, bool Launched)
{
    public static readonly StopSignal None = new(null, 0, false, false);
}
