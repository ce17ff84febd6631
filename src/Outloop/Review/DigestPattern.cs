namespace Outloop.Review;

/// <summary>A pattern as the digest lists it.</summary>
internal sealed record DigestPattern(string Id, string Kind, string Title, int Occurrences, int Confidence);
