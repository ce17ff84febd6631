namespace Outloop.Sample;

/// <summary>How much sample history <see cref="SampleTranscriptGenerator"/> writes.</summary>
public enum SampleSize
{
    /// <summary>Four sessions over one week: for fast tests.</summary>
    Small,

    /// <summary>Sixteen sessions over three weeks in three projects: the demo.</summary>
    Demo,

    /// <summary>About 150 sessions over twelve weeks: for reports that need volume.</summary>
    Large,
}
