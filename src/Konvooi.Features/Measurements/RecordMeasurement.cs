using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Konvooi.Domain.Common;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Audit;
using Konvooi.Features.Data;
using Konvooi.Features.Security;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Measurements;

/// <summary>Administer an instrument: validate that every item has an answer (or "wil ik niet zeggen"), score it, store it.</summary>
public static class RecordMeasurement
{
    public sealed class Input
    {
        [Required(ErrorMessage = "Kies hoe de vragenlijst is afgenomen.")]
        public AdministrationMode? Mode { get; set; }

        [Required(ErrorMessage = "Vul de datum van de meting in.")]
        public DateOnly? AdministeredOn { get; set; }

        /// <summary>Item code → chosen option value, or <see cref="QuestionnaireForm.DeclineValue"/>.</summary>
        public Dictionary<string, string?> Answers { get; set; } = new(StringComparer.Ordinal);
    }

    public abstract record Outcome
    {
        private Outcome()
        {
        }

        public sealed record Saved(Guid MeasurementId) : Outcome;

        public sealed record NotFound : Outcome;

        /// <summary>Problems keyed by form field (e.g. <c>Answers[djg11-3]</c>), with a Dutch message.</summary>
        public sealed record Invalid(IReadOnlyList<KeyValuePair<string, string>> Problems) : Outcome;
    }

    public sealed class Handler(KonvooiDbContext db, AuditLog audit, CurrentActor actor, TimeProvider time)
    {
        public async Task<Outcome> HandleAsync(Guid personId, Instrument instrument, Input input, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(instrument);
            ArgumentNullException.ThrowIfNull(input);
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
                .Select(p => new { p.OrganisationId }).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (person is null)
            {
                return new Outcome.NotFound();
            }

            var problems = Validate(instrument, input, DutchDate.Today(time));
            if (problems.Count > 0)
            {
                return new Outcome.Invalid(problems);
            }

            var answers = instrument.Items.ToDictionary(
                i => i.Code,
                i => input.Answers[i.Code] == QuestionnaireForm.DeclineValue ? null : input.Answers[i.Code],
                StringComparer.Ordinal);
            var score = instrument.Score(answers);
            var form = QuestionnaireForm.For(instrument);
            var measurement = new Measurement
            {
                Id = Guid.NewGuid(),
                PersonId = personId,
                OrganisationId = person.OrganisationId,
                InstrumentId = instrument.Id,
                InstrumentVersion = instrument.Version,
                Language = form.Language,
                UsedWorkingTranslation = form.UsesWorkingTranslation,
                Mode = input.Mode!.Value,
                AdministeredOn = input.AdministeredOn!.Value,
                AdministeredById = actor.UserId!.Value, // a visible person implies a set actor
                RecordedAtUtc = time.GetUtcNow().UtcDateTime,
                AnswersJson = JsonSerializer.Serialize(answers),
                ScoresJson = JsonSerializer.Serialize(score.Fields.ToDictionary(f => f.Name, f => f.Value)),
                Total = score.Total,
                LevelCode = score.Level?.Code,
                MissingItems = score.MissingItems,
            };
            db.Measurements.Add(measurement);
            audit.Add(AuditActions.Create, nameof(Measurement), measurement.Id, personId);
            await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return new Outcome.Saved(measurement.Id);
        }

        private static List<KeyValuePair<string, string>> Validate(Instrument instrument, Input input, DateOnly today)
        {
            var problems = new List<KeyValuePair<string, string>>();
            if (input.AdministeredOn > today)
            {
                problems.Add(new("Input.AdministeredOn", "De datum van de meting kan niet in de toekomst liggen."));
            }

            var allowed = instrument.AnswerScales[0].OptionValues.Append(QuestionnaireForm.DeclineValue).ToHashSet(StringComparer.Ordinal);
            foreach (var item in instrument.Items)
            {
                if (!input.Answers.TryGetValue(item.Code, out var answer) || string.IsNullOrEmpty(answer))
                {
                    problems.Add(new($"Input.Answers[{item.Code}]", $"Kies een antwoord bij vraag {item.Number}, of ‘Wil ik niet zeggen’."));
                }
                else if (!allowed.Contains(answer))
                {
                    problems.Add(new($"Input.Answers[{item.Code}]", $"Dit antwoord hoort niet bij vraag {item.Number}."));
                }
            }

            return problems;
        }
    }
}
