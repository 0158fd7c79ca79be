using System.Text.Json;
using Konvooi.Domain.Common;
using Konvooi.Domain.Convoy;
using Konvooi.Domain.Matching;
using Konvooi.Domain.Profiles;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Audit;
using Konvooi.Features.Conversations;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Profiles;

/// <summary>
/// Draws up a person's profile from their measurements, conversation and latest convoy map (the pure
/// <see cref="ProfileBuilder"/>) and stores it as a dated snapshot, with the matching engine's result for it as a
/// match run (both in one transaction).
/// </summary>
public static class RebuildProfile
{
    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time, Support.ShowMatchRun.Handler showRun)
    {
        /// <summary>Builds the profile as of today and stores it; false when the person is not visible.</summary>
        public async Task<bool> HandleAsync(Guid personId, CancellationToken cancellationToken)
        {
            var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return false;
            }

            var now = time.GetUtcNow().UtcDateTime;
            var today = DutchDate.Today(time);
            var measurements = await db.Measurements.AsNoTracking().Where(m => m.PersonId == personId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var convoy = await db.ConvoyMaps.AsNoTracking().Where(m => m.PersonId == personId)
                .OrderByDescending(m => m.TakenOn).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var judgement = await db.ProfessionalJudgements.AsNoTracking().Where(j => j.PersonId == personId)
                .Select(j => new ProfessionalJudgement(j.Type, j.Severity, j.Reason, j.JudgedById, j.JudgedOn))
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            var input = new ProfileInput
            {
                Judgement = judgement,
                ConversationDate = today,
                Age = Ages.InWholeYears(person.DateOfBirth, today),
                Measurements = measurements.Select(ToProfileMeasurement).OfType<ProfileMeasurement>().ToList(),
                Answers = await db.AllAnswersAsync(personId, cancellationToken).ConfigureAwait(false),
                Convoy = convoy is null ? null : new ConvoySnapshot(convoy.TakenOn, JsonSerializer.Deserialize<List<ConvoyMember>>(convoy.MembersJson) ?? []),
            };
            var profile = ProfileBuilder.Build(input);
            var matching = profile.ToMatchingProfile();
            var snapshot = new ProfileSnapshot
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                OrganisationId = person.OrganisationId,
                BuiltOn = today,
                LinesJson = JsonSerializer.Serialize(ProfileText.Describe(profile)),
                MatchingProfileJson = ProfileJson.Write(matching),
                JudgementJson = judgement is null ? null : JsonSerializer.Serialize(judgement),
                SafetyAdvice = string.Join(',', SafetyAdvice.For(matching)),
                NeedsConfirmation = profile.NeedsConfirmation,
                RulesVersion = profile.RulesVersion,
                GuideVersion = profile.GuideVersion,
                InstrumentsJson = JsonSerializer.Serialize(profile.Instruments),
                CreatedById = actor.UserId!.Value, // a visible person implies a set actor
                CreatedAtUtc = now,
            };
            db.ProfileSnapshots.Add(snapshot);
            audit.Add(AuditActions.Create, nameof(ProfileSnapshot), snapshot.Id, personId);
            await showRun.HandleAsync(snapshot, cancellationToken).ConfigureAwait(false);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        /// <summary>Re-scores the stored answers with the instrument's scorer; unknown instruments are left out.</summary>
        private static ProfileMeasurement? ToProfileMeasurement(Measurement measurement)
        {
            var instrument = Instruments.Find(measurement.InstrumentId);
            if (instrument is null)
            {
                return null;
            }

            var answers = JsonSerializer.Deserialize<Dictionary<string, string?>>(measurement.AnswersJson) ?? [];
            return new ProfileMeasurement(measurement.AdministeredOn, measurement.InstrumentVersion, instrument.Score(answers));
        }
    }
}
