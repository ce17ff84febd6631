namespace Outloop.Ingestion.Codex;

/// <summary>What a rollout line is, as far as the parallel parse can tell without the file's state.</summary>
internal enum CodexLineKind
{
    /// <summary>A rollout item (wrapped or bare).</summary>
    Item,

    /// <summary>A bare-era <c>record_type</c> state marker: nothing to import.</summary>
    Marker,

    /// <summary>Valid JSON that is not an object.</summary>
    NotObject,

    /// <summary>An object with no type, payload or session id.</summary>
    Unknown,
}
