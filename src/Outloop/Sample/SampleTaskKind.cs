namespace Outloop.Sample;

/// <summary>The kinds of work a sample task does.</summary>
internal enum SampleTaskKind
{
    FixTest,
    FixBuild,
    Feature,
    Question,
    Explore,
    Commit,
    Interrupted,
}
