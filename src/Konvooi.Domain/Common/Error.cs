namespace Konvooi.Domain.Common;

/// <summary>An expected problem with a stable <see cref="Code"/> and a message for people.</summary>
public sealed record Error(string Code, string Message);
