using System.Globalization;
using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Referrals;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Referrals;

/// <summary>
/// The signal reports (<c>/Reports/Signals</c>, docs/referral.md "Reports"): aggregates only, with the small-cell
/// suppression of the daily contact coverage report. A coordinator sees the signals their organisation received; an
/// analyst, and a coordinator of the lead organisation who asks for it, the whole coalition. Signals count in the month
/// they were received (by the current receiver: a forward restarts the date); advice requests are not signals about a
/// person and do not count. The signals are read through <see cref="SignalReportFacts"/>, without any personal field.
/// </summary>
public static class GetSignalReport
{
    public const string AuditEntityType = "SignalReport";

    /// <summary>The most months one report covers.</summary>
    public const int MaxMonths = 24;

    /// <summary>Whose signals the report counts.</summary>
    public enum ReportScope
    {
        /// <summary>Signals received by the actor's organisation.</summary>
        Organisation,

        /// <summary>Signals received by any organisation of the actor's coalition.</summary>
        Coalition,
    }

    /// <summary>
    /// The months as typed in the form (<c>yyyy-MM</c>), both optional: the default is the twelve months up to and
    /// including the current one. <see cref="Scope"/> is honoured only for who may choose it.
    /// </summary>
    public sealed record Query(string? From = null, string? To = null, ReportScope? Scope = null);

    /// <summary>
    /// The report for the months <c>From</c> to <c>To</c> (first days of the months). <c>SignalCount</c> is the number
    /// of signals in the period, null when there are some but fewer than the minimum cell size (the page only says whether
    /// there were none: a period total could be subtracted from the total of a shorter period). <c>WijkNames</c> maps the
    /// coalition's wijk codes to their names.
    /// </summary>
    public sealed record Result(
        DateOnly From,
        DateOnly To,
        ReportScope Scope,
        bool CanChooseScope,
        string ScopeName,
        int? SignalCount,
        IReadOnlyDictionary<string, string> WijkNames,
        SignalReportResult Report)
    {
        /// <summary>The first month, <c>yyyy-MM</c>.</summary>
        public string FromMonth => Month(From);

        /// <summary>The last month, <c>yyyy-MM</c>.</summary>
        public string ToMonth => Month(To);

        /// <summary>Every month of the period in order, <c>yyyy-MM</c>.</summary>
        public IReadOnlyList<string> Months
        {
            get
            {
                var months = new List<string>();
                for (var month = From; month <= To; month = month.AddMonths(1))
                {
                    months.Add(Month(month));
                }

                return months;
            }
        }

        private static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Computed(Result Result) : Outcome;

        public sealed record Forbidden : Outcome;

        /// <summary>A filter field is wrong; each problem names its field (<c>From</c>, <c>To</c>) and says why in Dutch.</summary>
        public sealed record Invalid(IReadOnlyList<(string Field, string Message)> Problems, bool CanChooseScope) : Outcome;
    }

    /// <summary>Reads a month typed as <c>yyyy-MM</c> (a browser's month field) or <c>yyyy-M</c>; the first day of it.</summary>
    public static bool TryParseMonth(string? text, out DateOnly month)
    {
        month = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed)
            || !DateOnly.TryParseExact(trimmed, ["yyyy-MM", "yyyy-M"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            || parsed.Year < 2000)
        {
            return false;
        }

        month = parsed;
        return true;
    }

    public sealed class Handler(KonvooiDbContext db, SignalReportFacts facts, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        /// <summary>The report; <paramref name="download"/> names the table downloaded as CSV, or is null for the page (only the audit entry differs).</summary>
        public async Task<Outcome> HandleAsync(Query query, string? download, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(query);
            if (!actor.Has(Permissions.CanReadSignalReports) || actor.OrganisationId is not { } organisationId || actor.Role is not { } role)
            {
                return new Outcome.Forbidden();
            }

            var organisation = await db.Organisations.AsNoTracking()
                .Where(o => o.Id == organisationId)
                .Select(o => new { o.Name, o.CoalitionId, CoalitionName = o.Coalition!.Name, o.Coalition.LeadOrganisationId })
                .SingleAsync(cancellationToken).ConfigureAwait(false);

            // Analysts read the coalition's aggregates; a coordinator reads their own organisation's, and a coordinator
            // of the lead organisation may also choose the coalition.
            var canChoose = role == Role.Coordinator && organisation.LeadOrganisationId == organisationId;

            var problems = new List<(string Field, string Message)>();
            var today = DutchDate.Today(time);
            var currentMonth = new DateOnly(today.Year, today.Month, 1);
            var to = currentMonth;
            var from = currentMonth.AddMonths(-11);
            if (!string.IsNullOrWhiteSpace(query.To) && !TryParseMonth(query.To, out to))
            {
                problems.Add(("To", "Vul een maand in als jaar en maand, bijvoorbeeld 2026-03."));
            }

            if (!string.IsNullOrWhiteSpace(query.From) && !TryParseMonth(query.From, out from))
            {
                problems.Add(("From", "Vul een maand in als jaar en maand, bijvoorbeeld 2026-03."));
            }
            else if (string.IsNullOrWhiteSpace(query.From) && !string.IsNullOrWhiteSpace(query.To) && problems.Count == 0)
            {
                from = to.AddMonths(-11);
            }

            if (problems.Count == 0 && from > to)
            {
                problems.Add(("To", "De laatste maand ligt vóór de eerste maand. Kies een latere maand."));
            }
            else if (problems.Count == 0 && (to.Year - from.Year) * 12 + to.Month - from.Month + 1 > MaxMonths)
            {
                problems.Add(("From", $"Kies een periode van hooguit {MaxMonths} maanden."));
            }

            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems.OrderBy(p => p.Field == "To").ToList(), canChoose);
            }

            var scope = role == Role.Analyst ? ReportScope.Coalition
                : canChoose && query.Scope == ReportScope.Coalition ? ReportScope.Coalition
                : ReportScope.Organisation;

            var last = to.AddMonths(1).AddDays(-1);
            var coalitionId = organisation.CoalitionId;
            var rows = await facts.ReceivedAsync(coalitionId, scope == ReportScope.Coalition ? null : organisationId, from, last, cancellationToken).ConfigureAwait(false);

            var kinds = await db.Organisations.AsNoTracking()
                .Where(o => o.CoalitionId == coalitionId)
                .ToDictionaryAsync(o => o.Id, o => o.Kind, cancellationToken).ConfigureAwait(false);
            var wijkNames = await db.Wijken.AsNoTracking()
                .Where(w => w.CoalitionId == coalitionId)
                .ToDictionaryAsync(w => w.Code, w => w.Name, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);

            var signalFacts = rows.Select(s => new SignalFact(
                s.ReceivedOn,
                SourceKindCode(s.Source, kinds.TryGetValue(s.SourceOrganisationId, out var kind) ? kind : null),
                s.WijkCode,
                s.State,
                s.CloseReason,
                s.FirstContactOn));
            var report = SignalReport.Build(signalFacts, Domain.DailyContact.Coverage.DefaultMinCellSize);

            // Aggregates only: one entry, with the organisation or coalition as the record, says who looked at the figures.
            audit.Add(download is null ? ReferralAuditActions.ReportView : ReferralAuditActions.ReportDownload, AuditEntityType, scope == ReportScope.Coalition ? coalitionId : organisationId, personId: null);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            return new Outcome.Computed(new Result(
                from,
                to,
                scope,
                canChoose,
                scope == ReportScope.Coalition ? organisation.CoalitionName : organisation.Name,
                rows.Count == 0 || rows.Count >= report.MinCellSize ? rows.Count : null,
                wijkNames,
                report));
        }
    }

    /// <summary>The source kind code: <c>import</c> for a FHIR import, otherwise the sending organisation's kind in lower case (e.g. <c>fysiotherapie</c>).</summary>
    public static string SourceKindCode(SignalSource source, OrganisationKind? kind) =>
        source == SignalSource.Import ? "import"
        : kind is { } k ? k.ToString().ToLowerInvariant()
        : "overig";
}
