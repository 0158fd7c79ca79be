using System.Text.Json;
using Konvooi.Domain.Common;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Measurements;

/// <summary>One measurement's result with its scores, its level range and whether it is stale (issue #16); audit-logged.</summary>
public static class GetMeasurement
{
    public sealed record Result(
        Measurement Measurement,
        Instrument? Instrument,
        string PersonName,
        string AdministeredBy,
        IReadOnlyDictionary<string, JsonElement> Scores,
        DjgLevelRange? Range,
        bool IsStale);

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, TimeProvider time)
    {
        public async Task<Result?> HandleAsync(Guid personId, Guid measurementId, CancellationToken cancellationToken)
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
                JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(measurement.ScoresJson) ?? [],
                MeasurementUncertainty.RangeOf(measurement),
                MeasurementUncertainty.IsStale(measurement.AdministeredOn, DutchDate.Today(time)));
        }
    }
}
