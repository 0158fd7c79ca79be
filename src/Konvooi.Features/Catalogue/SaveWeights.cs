using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Konvooi.Domain.Common;
using Konvooi.Domain.Matching;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using static Konvooi.Features.Catalogue.OrganisationWeights;

namespace Konvooi.Features.Catalogue;

/// <summary>Saves changed matching weights, with a reason, as the organisation's next weights version.</summary>
public static class SaveWeights
{
    public sealed class Input
    {
        /// <summary>Weight key → the number as typed (a comma or a point).</summary>
        public Dictionary<string, string> Weights { get; set; } = new(StringComparer.Ordinal);

        [Required(ErrorMessage = "Schrijf op waarom u de gewichten verandert.")]
        [StringLength(500, ErrorMessage = "Gebruik hoogstens 500 tekens.")]
        public string? Reason { get; set; }

        /// <summary>The weights version the form was loaded with (0 when never tuned).</summary>
        public int Version { get; set; }
    }

    /// <summary>The weights that differ from the defaults, or a message per weight key that is wrong.</summary>
    public static (Dictionary<string, double> Overrides, List<FieldMessage> Problems) Check(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<FieldMessage>();
        var overrides = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, fallback) in MatchingWeights.Defaults)
        {
            var text = input.Weights.GetValueOrDefault(key)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                problems.Add(new FieldMessage(key, $"Vul een gewicht in van 0 tot en met {MaxWeight.ToString(CultureInfo.InvariantCulture)}."));
            }
            else if (!double.TryParse(text.Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || value > MaxWeight || Math.Round(value, 2) != value)
            {
                problems.Add(new FieldMessage(key, $"Vul een getal in van 0 tot en met {MaxWeight.ToString(CultureInfo.InvariantCulture)}, met hoogstens twee cijfers achter de komma, zoals 1,5."));
            }
            else if (value != fallback)
            {
                overrides[key] = value;
            }
        }

        if (problems.Count == 0 && MatchingWeights.Create(overrides) is ReadResult<MatchingWeights>.Failure failure)
        {
            problems.AddRange(failure.Problems.Select(p => new FieldMessage(p.Path.TrimStart('$', '.'), "Dit gewicht kan niet: " + p.Reason)));
        }

        return (overrides, problems);
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(input);
            var (overrides, problems) = Check(input);
            return problems.Count > 0
                ? new Outcome.Invalid(problems)
                : await StoreAsync(db, audit, actor, time, overrides, input.Reason, input.Version, isReset: false, cancellationToken).ConfigureAwait(false);
        }
    }
}
