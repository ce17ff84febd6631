namespace Outloop.Sample;

/// <summary>One task of a sample session: its kind and the project item it works on.</summary>
internal sealed record SampleTaskPlan(
    SampleTaskKind Kind,
    CodeFault? Fault = null,
    FeatureChange? Feature = null,
    CodeQuestion? Question = null);
