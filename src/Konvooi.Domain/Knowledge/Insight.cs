namespace Konvooi.Domain.Knowledge;

/// <summary>One of the eight scientists whose insights Konvooi puts into practice.</summary>
/// <param name="Code">Two-letter code that starts each of their insight ids, e.g. <c>VT</c>.</param>
/// <param name="Name">Full name.</param>
/// <param name="Role">Position and institution, in Dutch.</param>
/// <param name="RoleEnglish">Position and institution, in English.</param>
public sealed record Expert(string Code, string Name, string Role, string RoleEnglish);

/// <summary>
/// One insight in our own words: a short title and summary in Dutch and English, and what it means
/// for practice in Dutch. Never a quotation of the source publication.
/// </summary>
/// <param name="Id">Stable id that rules, advice, flags and catalogue entries cite, e.g. <c>VT-6</c>.</param>
/// <param name="Title">Short Dutch title (B1).</param>
/// <param name="TitleEnglish">Short English title.</param>
/// <param name="Summary">Dutch summary (B1, plain, non-stigmatising).</param>
/// <param name="SummaryEnglish">English summary.</param>
/// <param name="Practice">What it means for the work of a professional or volunteer, in Dutch (B1).</param>
public sealed record Insight(string Id, string Title, string TitleEnglish, string Summary, string SummaryEnglish, string Practice)
{
    /// <summary>The code of the expert the insight comes from: the part of the id before the hyphen.</summary>
    public string ExpertCode => Id[..Id.IndexOf('-', StringComparison.Ordinal)];
}
