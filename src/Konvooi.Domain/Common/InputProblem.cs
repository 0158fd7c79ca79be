namespace Konvooi.Domain.Common;

/// <summary>
/// One problem in an input, at a JSON path such as <c>$.djg11.emotional</c> or a CSV place such as
/// <c>services.csv line 4, column name</c>. <see cref="Got"/> is the offending value as it should be
/// shown: raw JSON for JSON, <c>'text'</c> for CSV.
/// </summary>
/// <remarks>Printed as <c>WHERE: reason (got VALUE)</c>, the problem line of docs/cli.md.</remarks>
public sealed record InputProblem(string Path, string Reason, string? Got = null)
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

    public sealed record Failure(IReadOnlyList<InputProblem> Problems) : ReadResult<T>;
}
