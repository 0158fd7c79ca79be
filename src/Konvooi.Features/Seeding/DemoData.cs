using System.Text.Json;
using Konvooi.Domain.Access;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Audit;
using Konvooi.Features.Catalogue;
using Konvooi.Features.Data;
using Konvooi.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Konvooi.Features.Seeding;

/// <summary>
/// A clearly marked fictional demo coalition, seeded only on a new database in quick-start mode.
/// All names, addresses and numbers are invented; the town "Lindenhaven" does not exist.
/// </summary>
public static class DemoData
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
            audit.Add(AuditActions.Create, nameof(Person), person.Id, person.Id);
            var administeredBy = inZorg ? userIds["coordinator@zorg.example"] : userIds["coordinator@welzijn.example"];
            for (var wave = 0; wave < 1 + (i % 3); wave++)
            {
                var measurement = DemoMeasurement(person, administeredBy, i, wave, now);
                db.Measurements.Add(measurement);
                audit.Add(AuditActions.Create, nameof(Measurement), measurement.Id, person.Id);
            }
        }

        await audit.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
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
    private static Measurement DemoMeasurement(Person person, Guid administeredBy, int seed, int wave, DateTime now)
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
            AdministeredOn = DateOnly.FromDateTime(now).AddMonths(-3 * (2 - wave)).AddDays(-seed),
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
