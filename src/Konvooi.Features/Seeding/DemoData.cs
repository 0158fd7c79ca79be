using System.Text.Json;
using Konvooi.Domain.Access;
using Konvooi.Domain.Common;
using Konvooi.Domain.Questionnaires;
using Konvooi.Domain.Support;
using Konvooi.Features.Audit;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Konvooi.Features.Support;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Seeding;

/// <summary>
/// A clearly marked fictional demo coalition, seeded only on a new database in quick-start mode.
/// All names, addresses and numbers are invented; the town "Lindenhaven" does not exist.
/// </summary>
public static partial class DemoData
{
    public const string Password = "Demo-Konvooi-2026!";
    public const string CoalitionName = "Demo-coalitie Lindenhaven (fictief)";

    public sealed record DemoAccount(string Email, Role Role, string Organisation);

    public static IReadOnlyList<DemoAccount> Accounts { get; } =
    [
        new("beheerder@welzijn.example", Role.Administrator, "Welzijn Lindenhaven (demo)"),
        new("coordinator@welzijn.example", Role.Coordinator, "Welzijn Lindenhaven (demo)"),
        new("professional@welzijn.example", Role.Professional, "Welzijn Lindenhaven (demo)"),
        new("vrijwilliger@welzijn.example", Role.Volunteer, "Welzijn Lindenhaven (demo)"),
        new("analist@welzijn.example", Role.Analyst, "Welzijn Lindenhaven (demo)"),
        new("coordinator@zorg.example", Role.Coordinator, "Zorggroep De Linde (demo)"),
        new("professional@zorg.example", Role.Professional, "Zorggroep De Linde (demo)"),
        new("signaleerder@fysio.example", Role.Signaller, PhysioName),
    ];

    private static readonly string[] FirstNames =
    [
        "Annie", "Bertus", "Cor", "Dirkje", "Evert", "Fenna", "Gerrit", "Hennie", "Ina", "Jaap", "Klaasje", "Lammert",
        "Mientje", "Nelis", "Oeds", "Pietje", "Riek", "Sjoerd", "Trijntje", "Ubbo", "Vera", "Wietske", "Yde", "Zwaantje",
        "Aafke", "Bauke", "Catrien", "Douwe", "Eelkje", "Folkert",
        "Fatima", "Mohamed", "Yusuf", "Samira", "Ricardo", "Soraya",
    ];

    private static readonly string[] LastNames =
    [
        "Voorbeeld", "Proefhuis", "Oefenaar", "Testeling", "Denkbeeld", "Verzinsel", "Bedacht", "Fictiefsma",
        "Nepveen", "Schijnberg", "Droomer", "Speelman", "Probeerder", "Ontwerp", "Schetsma",
    ];

    private static readonly string[] Wijken = ["Centrum", "Oost", "West", "De Hoven", "Lindenveld"];

    public static async Task<bool> SeedIfEmptyAsync(KonvooiDbContext db, Setup.Handler setup, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.Coalitions.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var coalitionId = Created(await setup.CreateCoalitionAsync(CoalitionName, "GM9999", isDemo: true, cancellationToken).ConfigureAwait(false));
        var organisations = new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            ["Welzijn Lindenhaven (demo)"] = Created(await setup.CreateOrganisationAsync(coalitionId, "Welzijn Lindenhaven (demo)", OrganisationKind.Welzijnsorganisatie, cancellationToken).ConfigureAwait(false)),
            ["Zorggroep De Linde (demo)"] = Created(await setup.CreateOrganisationAsync(coalitionId, "Zorggroep De Linde (demo)", OrganisationKind.Zorgaanbieder, cancellationToken).ConfigureAwait(false)),
        };
        await setup.CreateOrganisationAsync(coalitionId, "Gemeente Lindenhaven (demo)", OrganisationKind.Gemeente, cancellationToken).ConfigureAwait(false);
        organisations[PhysioName] = Created(await setup.CreateOrganisationAsync(coalitionId, PhysioName, OrganisationKind.Fysiotherapie, cancellationToken).ConfigureAwait(false));
        await SeedCatalogueAsync(db, time, coalitionId, organisations, cancellationToken).ConfigureAwait(false);

        var userIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var account in Accounts)
        {
            var name = $"Demo {account.Role.ToString().ToLowerInvariant()} ({account.Organisation.Split(' ')[0]})";
            userIds[account.Email] = Created(await setup.CreateUserAsync(
                new Setup.NewUser(account.Email, name, account.Role, organisations[account.Organisation], Password), cancellationToken).ConfigureAwait(false));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var welzijn = organisations["Welzijn Lindenhaven (demo)"];
        var people = new List<Person>();
        var zorg = organisations["Zorggroep De Linde (demo)"];
        for (var i = 0; i < FirstNames.Length; i++)
        {
            var inZorg = i >= 30;
            var person = new Person
            {
                Id = Guid.NewGuid(),
                OrganisationId = inZorg ? zorg : welzijn,
                FirstName = FirstNames[i],
                LastName = LastNames[(i * 7) % LastNames.Length],
                DateOfBirth = new DateOnly(1930 + ((i * 13) % 75), 1 + (i % 12), 1 + ((i * 5) % 28)),
                Street = "Voorbeeldstraat",
                HouseNumber = (10 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                PostalCode = $"99{10 + i} ZZ",
                City = "Lindenhaven",
                Wijk = Wijken[i % Wijken.Length],
                Phone = $"06 9900 {1000 + (i * 37):D4}",
                LivingSituation = (LivingSituation)(i % 4 == 3 ? 1 : i % 4 == 2 ? 2 : 0),
                PreferredLanguage = i is 30 or 31 ? "Arabisch" : "Nederlands",
                ResponsibleProfessionalId = inZorg
                    ? userIds["professional@zorg.example"]
                    : i % 2 == 0 ? userIds["professional@welzijn.example"] : null,
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                Version = 1,
            };
            person.SearchName = $"{person.FirstName} {person.LastName}".ToLowerInvariant();
            db.People.Add(person);
            people.Add(person);
            audit.Add(AuditActions.Create, nameof(Person), person.Id, person.Id);
            var administeredBy = inZorg ? userIds["coordinator@zorg.example"] : userIds["coordinator@welzijn.example"];
            for (var wave = 0; wave < 1 + (i % 3); wave++)
            {
                var measurement = DemoMeasurement(person, administeredBy, i, wave, DateOnly.FromDateTime(now).AddMonths(-3 * (2 - wave)).AddDays(-i), now);
                db.Measurements.Add(measurement);
                audit.Add(AuditActions.Create, nameof(Measurement), measurement.Id, person.Id);
            }
        }

        SeedSupportPlans(db, audit, people, userIds, DutchDate.Today(time), now);
        await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await SeedDailyContactAsync(db, audit, welzijn, userIds, now, cancellationToken).ConfigureAwait(false);
        await SeedSignalsAsync(db, coalitionId, organisations, userIds, people, time, cancellationToken).ConfigureAwait(false);
        await SeedReachAsync(db, audit, coalitionId, people, userIds, time, cancellationToken).ConfigureAwait(false);
        await DemoSurvey.PreloadAsync(db, welzijn, userIds["analist@welzijn.example"], now, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Fictional support plans (docs/support-plan.md), built with the domain rules as if each step was recorded on its own day:
    /// eleven people with "Ontmoetingsactiviteit in de buurt" and a measurement before and six months after the start
    /// (enough for the outcomes page's minimum n), a dropout with an open follow-up, a long wait, a re-measurement
    /// that is due, a watchful-waiting plan past its review date, and one plan in the other organisation.
    /// </summary>
    private static void SeedSupportPlans(KonvooiDbContext db, AuditLog audit, List<Person> people, Dictionary<string, Guid> userIds, DateOnly today, DateTime now)
    {
        var professional = userIds["professional@welzijn.example"];
        var coordinator = userIds["coordinator@welzijn.example"];
        var steps = new List<(Person Person, SupportPlan Plan, Guid Professional, List<(Trajectory Trajectory, FollowUpTask? Task)> Trajectories)>();

        (Person, SupportPlan, Guid, List<(Trajectory, FollowUpTask?)>) Plan(int index, DateOnly start, string goal, string? intervention, DateOnly? review = null, Guid? responsible = null)
        {
            var person = people[index];
            var owner = responsible ?? professional;
            var content = new SupportPlanContent
            {
                Goals = [goal],
                Interventions = intervention is null ? [] : [new PlannedIntervention(intervention, InterventionSource.AddedByHand, "Sluit aan bij wat de persoon zelf wil (demo).")],
                IsWatchfulWaiting = intervention is null,
                ReviewDate = review,
                AgreedOn = start,
                AgreedBy = "de persoon zelf (demo)",
                ResponsibleProfessional = owner.ToString(),
            };
            var plan = Accept(SupportPlan.Create(Guid.NewGuid().ToString(), person.Id.ToString(), person.Wijk, content, owner.ToString(), start));
            return (person, plan, owner, []);
        }

        (Trajectory, FollowUpTask?) Walk(SupportPlan plan, string intervention, Guid owner, params (TrajectoryState State, DateOnly Date, string? Reason)[] path)
        {
            var trajectory = Accept(Trajectory.Propose(Guid.NewGuid().ToString(), plan.Id, plan.PersonId, intervention, plan.StartDate, owner.ToString(), plan.StartDate));
            FollowUpTask? task = null;
            foreach (var (state, date, reason) in path)
            {
                var step = Accept(trajectory.Apply(
                    new TrajectoryEvent { State = state, Date = date, RecordedBy = owner.ToString(), Reason = reason },
                    owner.ToString(), date, TrajectoryRules.Default));
                trajectory = step.Trajectory;
                task = step.FollowUp ?? task;
            }

            return (trajectory, task);
        }

        // Eleven people with the same intervention, started about seven months ago, measured before and after.
        // They are the coordinator's (odd indices), so most of the demo professional's people have no plan yet
        // and the quick tour can go from their profile to a new plan.
        const string Meeting = "group_meeting_activity";
        for (var k = 0; k < 11; k++)
        {
            var start = today.AddMonths(-7).AddDays(-3 * k);
            var plan = Plan((2 * k) + 1, start, "Weer ergens bij horen en mensen uit de buurt kennen.", Meeting, responsible: coordinator);
            var path = new List<(TrajectoryState, DateOnly, string?)>
            {
                (TrajectoryState.Referred, start, null),
                (TrajectoryState.Waiting, start.AddDays(1), null),
                (TrajectoryState.Started, start.AddDays(7 + (2 * k)), null),
            };
            if (k < 7)
            {
                path.Add((TrajectoryState.Completed, start.AddMonths(5), null));
            }
            else if (k < 9)
            {
                path.Add((TrajectoryState.DroppedOut, start.AddMonths(2), k == 7 ? "mismatch_expectations" : "health"));
            }

            var (trajectory, task) = Walk(plan.Item2, Meeting, plan.Item3, [.. path]);
            if (task is not null)
            {
                task = Accept(task.MarkDone(task.CreatedOn.AddDays(5), task.CreatedOn.AddDays(5)));
            }

            plan.Item4.Add((trajectory, task));
            steps.Add(plan);
            var administeredBy = coordinator;
            foreach (var (wave, date) in new[] { (10, start), (11, start.AddMonths(6)) })
            {
                var measurement = DemoMeasurement(plan.Item1, administeredBy, 2 * k, wave, date, now);
                db.Measurements.Add(measurement);
                audit.Add(AuditActions.Create, nameof(Measurement), measurement.Id, plan.Item1.Id);
            }
        }

        // A dropout four days ago: the follow-up is still open.
        var dropout = Plan(24, today.AddMonths(-2), "Iemand hebben om samen dingen mee te doen.", "buddy");
        dropout.Item4.Add(Walk(dropout.Item2, "buddy", professional,
            (TrajectoryState.Referred, dropout.Item2.StartDate, null),
            (TrajectoryState.Started, dropout.Item2.StartDate.AddDays(10), null),
            (TrajectoryState.DroppedOut, today.AddDays(-4), "did_not_feel_at_home")));
        steps.Add(dropout);

        // Waiting for ten weeks since the referral (the plan started a day earlier, so no re-measurement is due yet).
        var waiting = Plan(26, today.AddDays(-71), "Nieuwe vriendschappen durven aangaan.", "friendship_course");
        waiting.Item4.Add(Walk(waiting.Item2, "friendship_course", professional,
            (TrajectoryState.Referred, today.AddDays(-7 * 10), null),
            (TrajectoryState.Waiting, today.AddDays(-7 * 9), null)));
        steps.Add(waiting);

        // Three months and a few days after the start: the first re-measurement is due.
        var remeasure = Plan(28, today.AddMonths(-3).AddDays(-3), "Vaker een gesprek met iemand.", "telephone_circle");
        remeasure.Item4.Add(Walk(remeasure.Item2, "telephone_circle", professional,
            (TrajectoryState.Referred, remeasure.Item2.StartDate, null),
            (TrajectoryState.Started, remeasure.Item2.StartDate.AddDays(7), null)));
        steps.Add(remeasure);

        // Watchful waiting, agreed to look again five days ago.
        steps.Add(Plan(22, today.AddDays(-7 * 6), "Eerst zelf rustig kijken hoe het gaat na de verhuizing.", null, review: today.AddDays(-5)));

        // The other organisation: a dropout with an open follow-up, never visible to Welzijn.
        var other = Plan(30, today.AddMonths(-1), "Mensen ontmoeten die dezelfde taal spreken.", "migrant_peer_group", responsible: userIds["professional@zorg.example"]);
        other.Item4.Add(Walk(other.Item2, "migrant_peer_group", other.Item3,
            (TrajectoryState.Referred, other.Item2.StartDate, null),
            (TrajectoryState.NeverStarted, today.AddDays(-2), "transport_or_distance")));
        steps.Add(other);

        foreach (var (person, plan, owner, trajectories) in steps)
        {
            var planId = Guid.Parse(plan.Id);
            db.SupportPlans.Add(new SupportPlanRecord
            {
                Id = planId,
                PersonId = person.Id,
                OrganisationId = person.OrganisationId,
                ResponsibleProfessionalId = owner,
                CurrentVersion = plan.CurrentVersion.Number,
                ReviewDate = plan.Current.ReviewDate,
                StartDate = plan.StartDate,
                CreatedAtUtc = now,
            });
            foreach (var version in plan.Versions)
            {
                db.SupportPlanVersions.Add(new SupportPlanVersionRecord
                {
                    Id = Guid.NewGuid(),
                    PlanId = planId,
                    PersonId = person.Id,
                    OrganisationId = person.OrganisationId,
                    Number = version.Number,
                    ContentJson = SupportStore.Write(version.Content),
                    RecordedOn = version.RecordedOn,
                    RecordedById = owner,
                    RecordedAtUtc = now,
                });
            }

            audit.Add(AuditActions.Create, GetWorkList.AuditEntityType, planId, person.Id);
            foreach (var (trajectory, task) in trajectories)
            {
                var trajectoryId = Guid.Parse(trajectory.Id);
                db.Trajectories.Add(new TrajectoryRecord
                {
                    Id = trajectoryId,
                    PlanId = planId,
                    PersonId = person.Id,
                    OrganisationId = person.OrganisationId,
                    InterventionId = trajectory.InterventionId,
                    State = trajectory.State.Code(),
                    EventsJson = SupportStore.Write(trajectory.Events),
                    Version = 1,
                });
                if (task is not null)
                {
                    db.FollowUpTasks.Add(new FollowUpTaskRecord
                    {
                        Id = trajectoryId,
                        PlanId = planId,
                        PersonId = person.Id,
                        OrganisationId = person.OrganisationId,
                        InterventionId = task.InterventionId,
                        ResponsibleProfessionalId = owner,
                        Cause = task.Cause.Code(),
                        Reason = task.Reason,
                        CreatedOn = task.CreatedOn,
                        DueOn = task.DueOn,
                        DoneOn = task.DoneOn,
                        DoneById = task.DoneOn is null ? null : owner,
                        DoneNote = task.DoneOn is null ? null : "Gebeld en besproken wat beter past (demo).",
                        Version = 1,
                    });
                }
            }
        }
    }

    private static T Accept<T>(SupportOutcome<T> outcome) => outcome is SupportOutcome<T>.Accepted accepted
        ? accepted.Value
        : throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", ((SupportOutcome<T>.Refused)outcome).Errors.Select(e => e.Code)));

    /// <summary>
    /// Two fictional daily contact arrangements in Welzijn Lindenhaven, both with the demo volunteer in the rota:
    /// Annie (every day, a visit at the door) and Bauke (weekdays, a phone call shared with a family member).
    /// </summary>
    private static async Task SeedDailyContactAsync(KonvooiDbContext db, AuditLog audit, Guid organisationId, Dictionary<string, Guid> userIds, DateTime now, CancellationToken cancellationToken)
    {
        var volunteer = userIds["vrijwilliger@welzijn.example"];
        var volunteers = new Dictionary<Guid, string> { [volunteer] = "Demo vrijwilliger" };
        var today = DateOnly.FromDateTime(now);
        var everyDay = Enum.GetValues<DayOfWeek>().ToList();
        List<DayOfWeek> weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        var plans = new (string FirstName, DailyContact.ArrangementInput Input)[]
        {
            ("Annie", new DailyContact.ArrangementInput
            {
                Days = everyDay,
                WindowStart = new TimeOnly(9, 0),
                WindowEnd = new TimeOnly(12, 0),
                Form = Domain.DailyContact.ContactForm.DoorVisit,
                StartDate = today,
                Topics = "Hoe was uw dag?\nDe kleinkinderen\nHet weer in de tuin",
                ConsentGivenOn = today,
                ContactPreferences = "Eerst aanbellen, dan even wachten: het duurt soms wat langer.",
                Contacts =
                [
                    new DailyContact.ContactInput { Role = Domain.DailyContact.ContactRole.Volunteer, VolunteerUserId = volunteer, Days = everyDay },
                    new DailyContact.ContactInput { Role = Domain.DailyContact.ContactRole.Neighbour, FirstName = "Hanneke", Email = "hanneke@buren.example", Position = Domain.DailyContact.RotaPosition.Substitute, Days = everyDay, IsSecondContact = true, IsKeyHolder = true, MayBeCalled = true },
                ],
            }),
            ("Bauke", new DailyContact.ArrangementInput
            {
                Days = weekdays,
                WindowStart = new TimeOnly(17, 0),
                WindowEnd = new TimeOnly(19, 0),
                Form = Domain.DailyContact.ContactForm.PhoneCall,
                StartDate = today,
                Topics = "Hoe was uw dag?\nWat heeft u gegeten?",
                ConsentGivenOn = today,
                Contacts =
                [
                    new DailyContact.ContactInput { Role = Domain.DailyContact.ContactRole.Volunteer, VolunteerUserId = volunteer, Days = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday] },
                    new DailyContact.ContactInput { Role = Domain.DailyContact.ContactRole.Family, FirstName = "Kees", Email = "kees@familie.example", Days = [DayOfWeek.Tuesday, DayOfWeek.Thursday], IsSecondContact = true },
                ],
            }),
        };
        foreach (var (firstName, input) in plans)
        {
            // The people were just added in this context; the seeder has no actor, so it reads them from the tracker.
            var personId = db.People.Local.Single(p => p.OrganisationId == organisationId && p.FirstName == firstName).Id;
            var (arrangement, contacts, _) = DailyContact.ArrangementViews.Build(personId, Guid.NewGuid(), input, volunteers);
            db.DailyContactArrangements.Add(new DailyContactArrangement
            {
                Id = arrangement.Id,
                PersonId = personId,
                OrganisationId = organisationId,
                ArrangementJson = DailyContact.DailyContactStore.WriteArrangement(arrangement),
                ContactDetailsJson = DailyContact.DailyContactStore.WriteContacts(contacts),
                StartDate = arrangement.StartDate,
                ConsentGivenOn = input.ConsentGivenOn,
                ContactPreferences = input.ContactPreferences,
                UpdatedById = userIds["coordinator@welzijn.example"],
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
                Version = 1,
            });
            audit.Add(AuditActions.DailyContactArrangementSave, nameof(DailyContactArrangement), arrangement.Id, personId);
        }

        await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starter types offered by the care organisation in the demo; the welfare organisation provides the rest.</summary>
    public static IReadOnlySet<string> DemoCareOffers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "home_visit_75plus", "grief_support", "grief_group", "meaning_conversation", "relationship_counselling", "caregiver_support",
        "memory_cafe", "welfare_on_prescription", "thought_pattern_training", "resilience_training", "day_structure_activity", "disability_peer_group",
    };

    /// <summary>The demo coalition's catalogue: the starter types, split between the two demo providers.</summary>
    private static Task<bool> SeedCatalogueAsync(KonvooiDbContext db, TimeProvider time, Guid coalitionId, Dictionary<string, Guid> organisations, CancellationToken cancellationToken)
    {
        var welzijn = organisations["Welzijn Lindenhaven (demo)"];
        var zorg = organisations["Zorggroep De Linde (demo)"];
        return CatalogueStore.EnsureSeededAsync(db, new Security.CurrentActor(), time, coalitionId,
            code => DemoCareOffers.Contains(code) ? zorg : welzijn, cancellationToken);
    }

    /// <summary>A DJG-11 administration with invented answers that improve a little per wave.</summary>
    private static Measurement DemoMeasurement(Person person, Guid administeredBy, int seed, int wave, DateOnly administeredOn, DateTime now)
    {
        var instrument = Instruments.Djg11;
        var options = instrument.AnswerScales[0].OptionValues;
        var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var item = 0; item < instrument.Items.Count; item++)
        {
            var pick = ((seed * 7) + (item * 3) + (wave * 5)) % options.Count;
            answers[instrument.Items[item].Code] = options[pick];
        }

        var score = instrument.Score(answers);
        return new Measurement
        {
            Id = Guid.NewGuid(),
            PersonId = person.Id,
            OrganisationId = person.OrganisationId,
            InstrumentId = instrument.Id,
            InstrumentVersion = instrument.Version,
            Language = LocalizedText.Dutch,
            Mode = AdministrationMode.FaceToFace,
            AdministeredOn = administeredOn,
            AdministeredById = administeredBy,
            RecordedAtUtc = now,
            AnswersJson = JsonSerializer.Serialize(answers),
            ScoresJson = JsonSerializer.Serialize(score.Fields.ToDictionary(f => f.Name, f => f.Value)),
            Total = score.Total,
            LevelCode = score.Level?.Code,
            MissingItems = score.MissingItems,
        };
    }

    private static Guid Created(Setup.Outcome outcome) => outcome is Setup.Outcome.Created created
        ? created.Id
        : throw new InvalidOperationException("Demo seeding failed: " + string.Join("; ", ((Setup.Outcome.Rejected)outcome).Problems));
}
