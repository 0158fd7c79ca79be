using System.Globalization;
using Konvooi.Domain.Conversations;

namespace Konvooi.Domain.Convoy;

/// <summary>Checks a convoy snapshot before it is saved; every problem has a field path and a Dutch message.</summary>
public static class ConvoyValidator
{
    public const int MaxNameLength = 60;

    /// <summary>Every problem in <paramref name="snapshot"/>; fields are named <c>members[i].field</c>.</summary>
    /// <param name="snapshot">The map to check.</param>
    /// <param name="today">The snapshot may not be dated after this day.</param>
    public static IReadOnlyList<FieldProblem> Validate(ConvoySnapshot snapshot, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var problems = new List<FieldProblem>();
        if (snapshot.Date > today)
        {
            problems.Add(new FieldProblem("date", "De datum van de kaart ligt in de toekomst."));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Members.Count; i++)
        {
            var member = snapshot.Members[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"members[{i}]");
            if (string.IsNullOrWhiteSpace(member.Id) || !seen.Add(member.Id))
            {
                problems.Add(new FieldProblem($"{path}.id", "Elke persoon op de kaart heeft een eigen nummer nodig."));
            }

            if (string.IsNullOrWhiteSpace(member.Name))
            {
                problems.Add(new FieldProblem($"{path}.name", "Vul een voornaam of een rol in, zoals buurvrouw."));
            }
            else if (member.Name.Length > MaxNameLength)
            {
                problems.Add(new FieldProblem($"{path}.name", string.Create(CultureInfo.InvariantCulture, $"Gebruik hoogstens {MaxNameLength} tekens. Een voornaam of rol is genoeg.")));
            }

            Check(problems, $"{path}.relation", member.Relation, ConvoyCodes.Relations, "Kies hoe deze persoon bij u hoort.");
            Check(problems, $"{path}.circle", member.Circle, ConvoyCodes.Circles, "Kies een cirkel: heel dichtbij, dichtbij of verder weg.");
            Check(problems, $"{path}.frequency", member.Frequency, ConvoyCodes.Frequencies, "Kies hoe vaak u contact heeft.");
            CheckAll(problems, $"{path}.modes", member.Modes, ConvoyCodes.Modes, "Kies alleen zien, bellen of online.");
            CheckAll(problems, $"{path}.supportReceived", member.SupportReceived, ConvoyCodes.Support, "Kies alleen soorten steun uit de lijst.");
            CheckAll(problems, $"{path}.supportGiven", member.SupportGiven, ConvoyCodes.Support, "Kies alleen soorten steun uit de lijst.");
        }

        return problems;
    }

    private static void Check(List<FieldProblem> problems, string field, string? value, IReadOnlyDictionary<string, string> allowed, string message)
    {
        if (value is null || !allowed.ContainsKey(value))
        {
            problems.Add(new FieldProblem(field, message));
        }
    }

    private static void CheckAll(List<FieldProblem> problems, string field, IReadOnlyList<string> values, IReadOnlyDictionary<string, string> allowed, string message)
    {
        if (values.Any(v => !allowed.ContainsKey(v)))
        {
            problems.Add(new FieldProblem(field, message));
        }
        else if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            problems.Add(new FieldProblem(field, "Kies elk antwoord maar één keer."));
        }
    }
}
