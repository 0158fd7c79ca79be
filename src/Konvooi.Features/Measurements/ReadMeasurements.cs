using System.Text.Json;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Measurements;

/// <summary>One measurement's result, and a person's measurements over time (both audit-logged).</summary>
public static class ReadMeasurements
{
    public sealed record Result(
        Measurement Measurement,
        Instrument? Instrument,
        string PersonName,
        string AdministeredBy,
        IReadOnlyDictionary<string, JsonElement> Scores);

    public sealed record HistoryPoint(Guid Id, DateOnly AdministeredOn, int? Total, string? LevelCode, int? Emotional, int? Social, AdministrationMode Mode);

    public sealed record History(string PersonName, IReadOnlyList<(Instrument Instrument, IReadOnlyList<HistoryPoint> Points)> ByInstrument);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit)
    {
        public async Task<Result?> GetAsync(Guid personId, Guid measurementId, CancellationToken cancellationToken)
        {
            var person = await db.VisiblePersonNameAsync(personId, cancellationToken).ConfigureAwait(false);
            var measurement = person is null
                ? null
                : await db.Measurements.AsNoTracking().SingleOrDefaultAsync(m => m.Id == measurementId && m.PersonId == personId, cancellationToken).ConfigureAwait(false);
            if (person is null || measurement is null)
            {
                return null;
            }

            var by = await db.Users.AsNoTracking().Where(u => u.Id == measurement.AdministeredById)
                .Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            audit.Add(AuditActions.View, nameof(Measurement), measurement.Id, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Result(
                measurement,
                Instruments.Find(measurement.InstrumentId),
                person,
                by ?? "onbekend",
                JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(measurement.ScoresJson) ?? []);
        }

        public async Task<History?> HistoryAsync(Guid personId, CancellationToken cancellationToken)
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
            return new HistoryPoint(m.Id, m.AdministeredOn, m.Total, m.LevelCode, IntOrNull(scores, DjgSubscales.Emotional), IntOrNull(scores, DjgSubscales.Social), m.Mode);
        }

        private static int? IntOrNull(Dictionary<string, JsonElement> scores, string name) =>
            scores.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
    }
}
