namespace Outloop.Outputs;

/// <summary>How hard <see cref="OutputCompactor"/> compacts and where it keeps the full output.</summary>
internal sealed record CompactOptions
{
    /// <summary>Folder for the full output (<c>&lt;sha&gt;.log</c>); null keeps nothing on disk.</summary>
    public string? FullOutputDirectory { get; init; }

    /// <summary>Outputs below this many tokens are returned unchanged: there is too little to gain.</summary>
    public int ShortOutputTokens { get; init; } = 400;

    /// <summary>Least share of the tokens compaction must remove (0 to 1); below it the output is returned unchanged.</summary>
    public double MinReduction { get; init; }

    /// <summary>When true, only an output whose runner's format was understood is compacted (no generic digest).</summary>
    public bool RecognisedOnly { get; init; }

    /// <summary>Failures shown with their detail lines; later ones get one line each.</summary>
    public int DetailedFailures { get; init; } = 5;

    /// <summary>Most lines kept for one detailed failure.</summary>
    public int LinesPerFailure { get; init; } = 20;

    /// <summary>Most failures listed at all; the rest are counted.</summary>
    public int ListedFailures { get; init; } = 200;

    /// <summary>Warnings shown as a sample when a build also has errors or warnings are not the point.</summary>
    public int WarningSamples { get; init; } = 3;

    /// <summary>Longer lines are cut (a 30 KB HTML assertion helps nobody).</summary>
    public int LineChars { get; init; } = 300;

    /// <summary>The generic compactor's cap on kept lines.</summary>
    public int GenericLines { get; init; } = 120;
}
