using System.Globalization;
using System.Text;
using System.Text.Json;
using Konvooi.Features.Data;
using Konvooi.Features.Monitor;

namespace Konvooi.Features.Seeding;

/// <summary>
/// The demo's fictional survey (docs/monitor-web.md, "Demo data"): about 20,000 respondents of Lindenhaven over the
/// waves 2020, 2022 and 2024, with the 11 De Jong Gierveld items coded 1=ja, 2=min of meer, 3=nee, a weight, the wijk
/// as stratum, a PSU (a buurt within the wijk), age group and living alone. Generated from a fixed seed, so every demo
/// start gives the same bytes. Nobody in it exists.
/// </summary>
public static class DemoSurvey
{
    public const string FileName = "lindenhaven-gezondheidsmonitor-demo.csv";
    public const string DatasetName = "Gezondheidsmonitor Lindenhaven";
    public const string Codes = "1=ja,2=min of meer,3=nee";
    public const int Respondents = 20_000;

    public static readonly string[] Waves = ["2020", "2022", "2024"];
    public static readonly string[] Wijken = ["Centrum", "Oost", "West", "De Hoven", "Lindenveld"];
    public static readonly string[] AgeGroups = ["18-34", "35-54", "55-74", "75+"];
    public static readonly string[] Columns =
        ["wave", "wijk", "psu", "age_group", "living_alone", "weight", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q11"];

    /// <summary>Emotional items (manual order, 1-based): 2, 3, 5, 6, 9, 10; the others are social.</summary>
    private static readonly bool[] Emotional = [false, true, true, false, true, true, false, false, true, true, false];

    private const int BuurtenPerWijk = 6;

    /// <summary>The settings the demo journey uses: DJG-11 by wijk and by age group over the waves, with a contrast 2024 vs 2020.</summary>
    public static MonitorSettings Settings => new()
    {
        Instrument = "djg11",
        Items = [.. Enumerable.Range(1, 11).Select(i => "q" + i.ToString(CultureInfo.InvariantCulture))],
        Codes = Codes,
        Weight = "weight",
        Strata = "wijk",
        Psu = "psu",
        By = ["wave", "wave,wijk", "wave,age_group"],
        Indicators = ["lonely", "severely_lonely"],
        ContrastBy = "wave,age_group",
        ContrastVariable = "wave",
        ContrastA = "2024",
        ContrastB = "2020",
    };

    /// <summary>Writes the CSV (UTF-8, comma, header line) to <paramref name="output"/>.</summary>
    public static void Write(Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        writer.WriteLine(string.Join(',', Columns));
        foreach (var row in Rows())
        {
            writer.WriteLine(string.Join(',', row));
        }
    }

    /// <summary>The generated rows, as the CSV's fields.</summary>
    public static IEnumerable<string[]> Rows()
    {
        var random = new Random(20_261_203);
        for (var i = 0; i < Respondents; i++)
        {
            var wave = i % Waves.Length;
            var wijk = random.Next(Wijken.Length);
            var buurt = random.Next(BuurtenPerWijk) + 1;
            var age = Pick(random, [0.25, 0.30, 0.28, 0.17]);
            var aloneChance = age switch { 0 => 0.25, 1 => 0.2, 2 => 0.3, _ => 0.55 };
            var alone = random.NextDouble() < aloneChance;

            // Oversampling of older people and of the smaller wijken gives them lower weights.
            var weight = age == 3 ? 0.6 : age == 2 ? 0.9 : 1.2;
            weight *= wijk is 3 or 4 ? 0.8 : 1.1;
            weight *= 0.85 + 0.3 * random.NextDouble();

            // A latent loneliness: higher for people living alone, the oldest and youngest, in Centrum, and for 75+ in later waves.
            var latent = Normal(random) * 0.9 - 0.55
                + (alone ? 0.55 : 0) + (age == 3 ? 0.35 : age == 0 ? 0.2 : 0) + (wijk == 0 ? 0.2 : 0)
                + (age == 3 ? 0.15 * wave : 0.05 * wave);
            var fields = new string[Columns.Length];
            fields[0] = Waves[wave];
            fields[1] = Wijken[wijk];
            fields[2] = Wijken[wijk][..1] + buurt.ToString(CultureInfo.InvariantCulture);
            fields[3] = AgeGroups[age];
            fields[4] = alone ? "ja" : "nee";
            fields[5] = weight.ToString("0.0000", CultureInfo.InvariantCulture);
            for (var item = 0; item < 11; item++)
            {
                var pLonely = 1 / (1 + Math.Exp(-(latent + (Emotional[item] ? -0.3 : 0.1) + Normal(random) * 0.6)));
                var lonely = random.NextDouble() < pLonely;
                var somewhat = random.NextDouble() < 0.3;

                // Emotional items: ja (1) or min of meer (2) is lonely; social items: nee (3) or min of meer (2).
                var code = somewhat && lonely ? 2 : Emotional[item] ? (lonely ? 1 : 3) : (lonely ? 3 : 1);
                fields[6 + item] = random.NextDouble() < 0.01 ? string.Empty : code.ToString(CultureInfo.InvariantCulture);
            }

            yield return fields;
        }
    }

    /// <summary>The file as it would be after an upload, for the demo organisation (no audit: it is demo data).</summary>
    public static async Task PreloadAsync(KonvooiDbContext db, Guid organisationId, Guid analystId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        using var buffer = new MemoryStream();
        Write(buffer);
        var bytes = buffer.ToArray();
        var file = new MonitorFile
        {
            Id = Guid.NewGuid(),
            OrganisationId = organisationId,
            FileName = FileName,
            DatasetName = DatasetName,
            Format = "csv",
            SizeBytes = bytes.Length,
            ChunkCount = (bytes.Length + MonitorStore.ChunkBytes - 1) / MonitorStore.ChunkBytes,
            UploadedByUserId = analystId,
            UploadedAtUtc = now,
            ExpiresAtUtc = now.AddDays(365),
            Columns = string.Join('\t', Columns),
            PreviewJson = JsonSerializer.Serialize(Rows().Take(MonitorStore.PreviewRows).ToList()),
            Complete = true,
        };
        db.MonitorFiles.Add(file);
        for (var i = 0; i < file.ChunkCount; i++)
        {
            var start = i * MonitorStore.ChunkBytes;
            db.MonitorFileChunks.Add(new MonitorFileChunk
            {
                FileId = file.Id,
                OrganisationId = organisationId,
                Index = i,
                Data = bytes[start..Math.Min(bytes.Length, start + MonitorStore.ChunkBytes)],
            });
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static int Pick(Random random, double[] shares)
    {
        var x = random.NextDouble();
        for (var i = 0; i < shares.Length - 1; i++)
        {
            x -= shares[i];
            if (x < 0)
            {
                return i;
            }
        }

        return shares.Length - 1;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
