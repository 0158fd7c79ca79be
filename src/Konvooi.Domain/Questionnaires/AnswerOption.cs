namespace Konvooi.Domain.Questionnaires;

/// <summary>
/// One answer an item can take, shared by all items of an instrument.
/// </summary>
/// <param name="Value">Stable code of the answer (FHIR <c>Coding.code</c>, CLI output), e.g. <c>min_of_meer</c>.</param>
/// <param name="Weight">
/// The answer's position on its scale as the manual numbers it; summed scales score this weight (reversed
/// items score <c>min + max - weight</c>). De Jong Gierveld items do not use it: they count "lonely" answers.
/// </param>
/// <param name="Labels">Labels per language, as the source prints them.</param>
/// <param name="Aliases">Other spellings accepted when answers are read from files (case and surrounding spaces are ignored anyway).</param>
public sealed record AnswerOption(string Value, int Weight, IReadOnlyList<LocalizedText> Labels, IReadOnlyList<string> Aliases);

/// <summary>
/// A way of offering the answers: which options, in which order, with which numeric codes.
/// De Jong Gierveld has a 3-category scale (face to face, telephone) and a 5-category one (self-completion).
/// </summary>
/// <param name="Id">Stable id of the scale within its instrument, e.g. <c>three-category</c>.</param>
/// <param name="OptionValues">The options in presentation order.</param>
/// <param name="Codes">The default numeric code of each option: code → <see cref="AnswerOption.Value"/>.</param>
public sealed record AnswerScale(string Id, IReadOnlyList<string> OptionValues, IReadOnlyDictionary<int, string> Codes);
