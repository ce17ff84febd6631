namespace Outloop.Reporting.Usage;

/// <summary>How a usage report groups requests; the name is the JSON array's name (<c>daily</c>, <c>monthly</c>, <c>session</c>).</summary>
public enum UsageReportKind
{
    Daily,
    Monthly,
    Session,
}
