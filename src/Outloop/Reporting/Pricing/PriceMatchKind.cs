namespace Outloop.Reporting.Pricing;

/// <summary>How a model name found its price.</summary>
public enum PriceMatchKind
{
    /// <summary>The name is a key of the table.</summary>
    Exact,

    /// <summary>The name equals a key after lower-casing, dropping a provider prefix, <c>.</c>/<c>@</c> to <c>-</c>, or dropping a date suffix.</summary>
    Normalised,

    /// <summary>The longest key contained in the normalised name at word boundaries (for example <c>us.anthropic.claude-opus-4-6-v1:0</c>).</summary>
    Contained,
}
