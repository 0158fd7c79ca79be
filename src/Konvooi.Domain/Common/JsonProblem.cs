namespace Konvooi.Domain.Common;

/// <summary>
/// One problem in a JSON document, at a JSON path such as <c>$.djg11.emotional</c>.
/// </summary>
/// <remarks>Printed as <c>PATH: reason (got VALUE)</c> (../shared/design/cli-conventions.md).</remarks>
public sealed record JsonProblem(string Path, string Reason, string? Got = null)
{
    public override string ToString() => Got is null ? $"{Path}: {Reason}" : $"{Path}: {Reason} (got {Got})";
}

/// <summary>The outcome of reading a document: the value, or every problem found.</summary>
public abstract record ReadResult<T>
{
    private ReadResult()
    {
    }

    public sealed record Success(T Value) : ReadResult<T>;

    public sealed record Failure(IReadOnlyList<JsonProblem> Problems) : ReadResult<T>;
}
