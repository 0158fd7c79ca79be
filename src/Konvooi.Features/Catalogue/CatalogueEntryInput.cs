using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;

namespace Konvooi.Features.Catalogue;

/// <summary>A message for one field of the catalogue form (the property name of <see cref="CatalogueEntryInput"/>).</summary>
public sealed record FieldMessage(string Field, string Message);

/// <summary>
/// The catalogue form: every field of a domain <see cref="Intervention"/> except the provider (the
/// acting organisation). Shape checks are annotations; the domain's catalogue reader decides what is valid.
/// </summary>
public sealed class CatalogueEntryInput
{
    [StringLength(100, ErrorMessage = "Gebruik een code van hoogstens 100 tekens.")]
    public string? Code { get; set; }

    [Required(ErrorMessage = "Vul een naam in.")]
    [StringLength(200, ErrorMessage = "Gebruik een naam van hoogstens 200 tekens.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Vul een beschrijving in.")]
    [StringLength(4000, ErrorMessage = "Gebruik hoogstens 4000 tekens.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Kies het doel van het aanbod.")]
    public string? Aim { get; set; }

    public List<string> Causes { get; set; } = [];

    [Required(ErrorMessage = "Kies het belangrijkste werkzame element.")]
    public string? MainElement { get; set; }

    public List<string> OtherElements { get; set; } = [];

    [Required(ErrorMessage = "Kies of het aanbod één op één of in een groep is.")]
    public string? Setting { get; set; }

    [Required(ErrorMessage = "Kies hoe het contact vooral gaat.")]
    public string? Mode { get; set; }

    [Required(ErrorMessage = "Kies hoe intensief het aanbod is.")]
    public string? Intensity { get; set; }

    public List<string> TargetGroups { get; set; } = [];

    public List<string> Coping { get; set; } = [];

    [Required(ErrorMessage = "Kies de erkenning. Weet u het niet? Kies dan ‘Niet beoordeeld’.")]
    public string? Recognition { get; set; }

    public List<string> Indications { get; set; } = [];

    public List<string> ContraIndications { get; set; } = [];

    public List<string> Insights { get; set; } = [];

    [StringLength(500, ErrorMessage = "Gebruik een webadres van hoogstens 500 tekens.")]
    public string? MethodUrl { get; set; }

    /// <summary>One location per line.</summary>
    [StringLength(2000, ErrorMessage = "Gebruik hoogstens 2000 tekens.")]
    public string? Locations { get; set; }

    [StringLength(500, ErrorMessage = "Gebruik hoogstens 500 tekens.")]
    public string? Schedule { get; set; }

    /// <summary>Euros, with a comma or a point (<c>2,50</c>).</summary>
    [StringLength(20, ErrorMessage = "Vul een bedrag in, zoals 2,50.")]
    public string? CostEuros { get; set; }

    [StringLength(500, ErrorMessage = "Gebruik hoogstens 500 tekens.")]
    public string? CostDescription { get; set; }

    [StringLength(10, ErrorMessage = "Vul een heel getal in.")]
    public string? Capacity { get; set; }

    [StringLength(10, ErrorMessage = "Vul een heel getal in.")]
    public string? WaitingListWeeks { get; set; }

    [StringLength(500, ErrorMessage = "Gebruik hoogstens 500 tekens.")]
    public string? Contact { get; set; }

    /// <summary>Two-letter language codes separated by commas (<c>nl, en</c>).</summary>
    [StringLength(200, ErrorMessage = "Gebruik hoogstens 200 tekens.")]
    public string? Languages { get; set; }

    [StringLength(1000, ErrorMessage = "Gebruik hoogstens 1000 tekens.")]
    public string? Accessibility { get; set; }

    /// <summary>The entry version the form was loaded with (0 for a new entry).</summary>
    public int Version { get; set; }

    private static readonly Dictionary<string, (string Field, string Message)> DomainMessages = new(StringComparer.Ordinal)
    {
        ["id"] = (nameof(Code), "Gebruik 1 tot 100 tekens: kleine letters, cijfers, ‘_’ of ‘-’. Begin met een letter of cijfer, zoals maatje_oost."),
        ["name"] = (nameof(Name), "Vul een naam in."),
        ["description"] = (nameof(Description), "Vul een beschrijving in."),
        ["aim"] = (nameof(Aim), "Kies een doel uit de lijst."),
        ["causes"] = (nameof(Causes), "Kies alleen oorzaken uit de lijst."),
        ["elements"] = (nameof(MainElement), "Kies het belangrijkste werkzame element uit de lijst."),
        ["setting"] = (nameof(Setting), "Kies of het aanbod één op één of in een groep is."),
        ["mode"] = (nameof(Mode), "Kies hoe het contact vooral gaat."),
        ["intensity"] = (nameof(Intensity), "Kies hoe intensief het aanbod is."),
        ["targetGroups"] = (nameof(TargetGroups), "Kies alleen doelgroepen uit de lijst."),
        ["coping"] = (nameof(Coping), "Kies alleen manieren van omgaan uit de lijst."),
        ["recognition"] = (nameof(Recognition), "Kies een erkenning uit de lijst."),
        ["indications"] = (nameof(Indications), "Kies alleen situaties uit de lijst."),
        ["contraIndications"] = (nameof(ContraIndications), "Kies alleen situaties uit de lijst."),
        ["insights"] = (nameof(Insights), "Kies alleen inzichten uit de lijst."),
        ["methodUrl"] = (nameof(MethodUrl), "Vul een volledig webadres in dat begint met https:// of http://."),
        ["locations"] = (nameof(Locations), "Zet elke plek op een eigen regel."),
        ["schedule"] = (nameof(Schedule), "Vul in wanneer het aanbod is, of laat het veld leeg."),
        ["costEuros"] = (nameof(CostEuros), "Vul een bedrag van 0 of meer in, zoals 2,50. Vul 0 in als het gratis is."),
        ["costDescription"] = (nameof(CostDescription), "Vul de kosten in woorden in, of laat het veld leeg."),
        ["capacity"] = (nameof(Capacity), "Vul een heel getal van 0 tot en met 100000 in."),
        ["waitingListWeeks"] = (nameof(WaitingListWeeks), "Vul een heel getal van 0 tot en met 520 in."),
        ["contact"] = (nameof(Contact), "Vul contactgegevens in, of laat het veld leeg."),
        ["languages"] = (nameof(Languages), "Gebruik taalcodes van twee kleine letters, zoals nl of ar, met een komma ertussen."),
        ["accessibility"] = (nameof(Accessibility), "Beschrijf de toegankelijkheid, of laat het veld leeg."),
    };

    /// <summary>The form filled in from a stored intervention.</summary>
    public static CatalogueEntryInput From(Intervention intervention, int version)
    {
        ArgumentNullException.ThrowIfNull(intervention);
        return new CatalogueEntryInput
        {
            Code = intervention.Id,
            Name = intervention.Name,
            Description = intervention.Description,
            Aim = intervention.Aim,
            Causes = [.. intervention.Causes],
            MainElement = intervention.Elements.Count > 0 ? intervention.Elements[0] : null,
            OtherElements = [.. intervention.Elements.Skip(1)],
            Setting = intervention.Setting,
            Mode = intervention.Mode,
            Intensity = intervention.Intensity,
            TargetGroups = [.. intervention.TargetGroups],
            Coping = [.. intervention.Coping],
            Recognition = intervention.Recognition,
            Indications = [.. intervention.Indications],
            ContraIndications = [.. intervention.ContraIndications],
            Insights = [.. intervention.Insights],
            MethodUrl = intervention.MethodUrl,
            Locations = string.Join('\n', intervention.Locations),
            Schedule = intervention.Schedule,
            CostEuros = intervention.CostEuros?.ToString("0.##", CultureInfo.GetCultureInfo("nl-NL")),
            CostDescription = intervention.CostDescription,
            Capacity = intervention.Capacity?.ToString(CultureInfo.InvariantCulture),
            WaitingListWeeks = intervention.WaitingListWeeks?.ToString(CultureInfo.InvariantCulture),
            Contact = intervention.Contact,
            Languages = string.Join(", ", intervention.Languages),
            Accessibility = intervention.Accessibility,
            Version = version,
        };
    }

    /// <summary>
    /// The intervention this form describes, checked by the domain's catalogue reader; or a Dutch
    /// message per field that is wrong.
    /// </summary>
    public (Intervention? Intervention, IReadOnlyList<FieldMessage> Problems) ToIntervention(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var problems = new List<FieldMessage>();
        var cost = ParseDecimal(CostEuros, nameof(CostEuros), "Vul een bedrag in euro's in, zoals 2,50. Vul 0 in als het gratis is.", problems);
        var capacity = ParseInt(Capacity, nameof(Capacity), problems);
        var waiting = ParseInt(WaitingListWeeks, nameof(WaitingListWeeks), problems);
        var elements = new List<string>();
        if (Clean(MainElement) is { } main)
        {
            elements.Add(main);
        }
        else
        {
            // The main element comes first in the domain's list, so the form asks for it on its own.
            problems.Add(new FieldMessage(nameof(MainElement), "Kies het belangrijkste werkzame element uit de lijst."));
        }

        elements.AddRange(OtherElements.Where(e => !elements.Contains(e, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));
        var candidate = new Intervention
        {
            Id = code.Trim(),
            Name = Name?.Trim() ?? string.Empty,
            Description = Description?.Trim() ?? string.Empty,
            Aim = Aim ?? string.Empty,
            Causes = Distinct(Causes),
            Elements = elements,
            Setting = Setting ?? string.Empty,
            Mode = Mode ?? string.Empty,
            Intensity = Intensity ?? string.Empty,
            TargetGroups = Distinct(TargetGroups),
            Coping = Distinct(Coping),
            Recognition = Recognition ?? string.Empty,
            Indications = Distinct(Indications),
            ContraIndications = Distinct(ContraIndications),
            Insights = Distinct(Insights),
            MethodUrl = Clean(MethodUrl),
            Locations = (Locations ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList(),
            Schedule = Clean(Schedule),
            CostEuros = cost,
            CostDescription = Clean(CostDescription),
            Capacity = capacity,
            WaitingListWeeks = waiting,
            Contact = Clean(Contact),
            Languages = (Languages ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(l => l.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList(),
            Accessibility = Clean(Accessibility),
        };

        if (CatalogueJson.Read(CatalogueStore.Write(candidate)) is ReadResult<InterventionCatalogue>.Failure failure)
        {
            foreach (var problem in failure.Problems)
            {
                var field = FieldOf(problem.Path);
                var message = field is not null && DomainMessages.TryGetValue(field, out var known)
                    ? new FieldMessage(known.Field, known.Message)
                    : new FieldMessage(string.Empty, "Het aanbod klopt nog niet: " + problem);
                if (!problems.Contains(message))
                {
                    problems.Add(message);
                }
            }
        }

        return problems.Count > 0 ? (null, problems) : (candidate, problems);
    }

    /// <summary><c>$.interventions[0].causes[1]</c> → <c>causes</c>.</summary>
    private static string? FieldOf(string path)
    {
        const string Prefix = "$.interventions[0].";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = path[Prefix.Length..];
        var end = rest.IndexOfAny(['[', '.']);
        return end < 0 ? rest : rest[..end];
    }

    private static List<string> Distinct(IEnumerable<string> codes) => codes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static decimal? ParseDecimal(string? text, string field, string message, List<FieldMessage> problems)
    {
        if (Clean(text) is not { } value)
        {
            return null;
        }

        if (decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }

        problems.Add(new FieldMessage(field, message));
        return null;
    }

    private static int? ParseInt(string? text, string field, List<FieldMessage> problems)
    {
        if (Clean(text) is not { } value)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        problems.Add(new FieldMessage(field, "Vul een heel getal in, zoals 12. Laat het veld leeg als u het niet weet."));
        return null;
    }
}
