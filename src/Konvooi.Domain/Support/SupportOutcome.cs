using Konvooi.Domain.Common;

namespace Konvooi.Domain.Support;

/// <summary>The outcome of a change to a plan or trajectory: accepted with the new value, or refused with every reason.</summary>
public abstract record SupportOutcome<T>
{
    private SupportOutcome()
    {
    }

    public sealed record Accepted(T Value) : SupportOutcome<T>;

    /// <summary>The change was refused; <see cref="Errors"/> holds stable codes and Dutch messages.</summary>
    public sealed record Refused(IReadOnlyList<Error> Errors) : SupportOutcome<T>;
}
