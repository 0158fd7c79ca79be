using System.Text.Json;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Measurements;

/// <summary>A person's measurements over time, per instrument; audit-logged.</summary>
public static class ListMeasurementHistory
{
    /// <summary>One administration; <c>Range</c> is the DJG level range (uncertain when missing answers could change the level).</summary>
    public sealed record HistoryPoint(Guid Id, DateOnly AdministeredOn, int? Total, string? LevelCode, int? Emotional, int? Social, AdministrationMode Mode, DjgLevelRange? Range = null);

    public sealed record History(string PersonName, IReadOnlyList<(Instrument Instrument, IReadOnlyList<HistoryPoint> Points)> ByInstrument);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit)
    {
        public async Task<History?> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            var person = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return null;
            }

            var rows = await db.Measurements.AsNoTracking()
                .Where(m => m.PersonId == personId)
                .OrderBy(m => m.AdministeredOn).ThenBy(m => m.RecordedAtUtc)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.List, nameof(Measurement), rows.Select(r => r.Id), personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

            var groups = rows
                .GroupBy(r => r.InstrumentId)
                .Select(g => (Instrument: Instruments.Find(g.Key), Points: g.Select(ToPoint).ToList()))
                .Where(g => g.Instrument is not null)
                .Select(g => (g.Instrument!, (IReadOnlyList<HistoryPoint>)g.Points))
                .ToList();
            return new History(person, groups);
        }

        private static HistoryPoint ToPoint(Measurement m)
        {
            var scores = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(m.ScoresJson) ?? [];
            return new HistoryPoint(m.Id, m.AdministeredOn, m.Total, m.LevelCode, IntOrNull(scores, DjgSubscales.Emotional), IntOrNull(scores, DjgSubscales.Social), m.Mode, MeasurementUncertainty.RangeOf(m));
        }

        private static int? IntOrNull(Dictionary<string, JsonElement> scores, string name) =>
            scores.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
    }
}
