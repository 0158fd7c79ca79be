using System.Globalization;
using Konvooi.Domain.Monitoring;
using Konvooi.Domain.Questionnaires;
using Konvooi.Features.Monitor;
using Konvooi.Features.Seeding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Monitor;

/// <summary>
/// Mapping a file's columns (weight, strata, PSU, instrument items and codes, groups), choosing the indicators and a
/// contrast, and starting the run (docs/monitor-web.md). Every problem the engine finds in the choices is listed at once.
/// </summary>
public sealed class MapModel(MonitorStore store, MonitorJobs jobs) : PageModel
{
    public const int ByRows = 3;

    [BindProperty(SupportsGet = true)]
    public Guid FileId { get; set; }

    [BindProperty]
    public MapInput Input { get; set; } = new();

    public MonitorFileInfo? Survey { get; private set; }
    public IReadOnlyList<IReadOnlyList<string>> Preview { get; private set; } = [];
    public IReadOnlyList<(string Problem, string? Explanation)> Problems { get; private set; } = [];

    public static IReadOnlyList<Instrument> InstrumentChoices => Instruments.All;

    public IReadOnlyList<string> BuiltIns => Instruments.Find(Input.Instrument) is { } i ? [.. MonitorIndicators.BuiltInsOf(i).Select(b => b.Name)] : [];

    public async Task<IActionResult> OnGetAsync(Guid? analysisId, CancellationToken cancellationToken)
    {
        if (!store.CanManage)
        {
            return Forbid();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var saved = analysisId is { } id ? (await jobs.AnalysesAsync(cancellationToken)).FirstOrDefault(a => a.Id == id) : null;
        Input = MapInput.From(saved?.Settings ?? Detect(Survey!.Columns));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!store.CanManage)
        {
            return Forbid();
        }

        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var settings = Input.ToSettings();
        var problems = MonitorEngine.Validate(settings, Survey!.Columns, Survey.Format).ToList();
        if (Input.MinN is < 0 or > 100_000)
        {
            problems.Add("--min-n: must be 0 or more");
        }

        if (problems.Count > 0)
        {
            Problems = [.. problems.Select(p => (p, MonitorText.Explain(p)))];
            ModelState.AddModelError(string.Empty, "De keuzes kunnen zo niet werken. Bekijk de problemen hieronder.");
            return Page();
        }

        Guid? analysisId = null;
        if (!string.IsNullOrWhiteSpace(Input.AnalysisName))
        {
            analysisId = await jobs.SaveAnalysisAsync(Input.AnalysisName, Input.LinkDataset ? Survey.DatasetName : null, settings, cancellationToken);
        }

        var job = await jobs.EnqueueAsync(FileId, settings, analysisId, cancellationToken);
        return job is null ? NotFound() : RedirectToPage("Job", new { id = job });
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Survey = await store.FindAsync(FileId, cancellationToken);
        if (Survey is null)
        {
            return false;
        }

        Preview = await store.PreviewAsync(FileId, cancellationToken) ?? [];
        return true;
    }

    /// <summary>Guesses the mapping from the column names (the demo survey's columns give its full settings).</summary>
    public static MonitorSettings Detect(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (DemoSurvey.Columns.All(c => columns.Contains(c, StringComparer.Ordinal)))
        {
            return DemoSurvey.Settings;
        }

        string? Find(params string[] names) => columns.FirstOrDefault(c => names.Contains(c, StringComparer.OrdinalIgnoreCase));
        var items = Enumerable.Range(1, 11).Select(i => Find("q" + i.ToString(CultureInfo.InvariantCulture), "item" + i.ToString(CultureInfo.InvariantCulture))).ToList();
        var wave = Find("wave", "jaar", "year", "golf");
        return new MonitorSettings
        {
            Instrument = "djg11",
            Items = items.All(i => i is not null) ? [.. items!] : [],
            Codes = DemoSurvey.Codes,
            Weight = Find("weight", "gewicht", "weegfactor", "wfactor"),
            Strata = Find("stratum", "strata", "wijk", "regio"),
            Psu = Find("psu", "cluster", "buurt"),
            By = wave is null ? [] : [wave],
            Indicators = ["lonely"],
        };
    }
}

/// <summary>The mapping form's fields.</summary>
public sealed class MapInput
{
    public string Instrument { get; set; } = "djg11";
    public string? Items { get; set; }
    public string? Codes { get; set; }
    public string? Weight { get; set; }
    public string? Strata { get; set; }
    public string? Psu { get; set; }
    public string? Fpc { get; set; }
    public List<string?> By { get; set; } = [];
    public List<string> Indicators { get; set; } = [];
    public string? Custom { get; set; }
    public int? MaxMissing { get; set; }
    public string LonelyPsu { get; set; } = "fail";
    public string Ci { get; set; } = "wald";
    public int MinN { get; set; } = 30;
    public bool Publication { get; set; }
    public string? ContrastBy { get; set; }
    public string? ContrastVariable { get; set; }
    public string? ContrastA { get; set; }
    public string? ContrastB { get; set; }
    public string? AnalysisName { get; set; }
    public bool LinkDataset { get; set; }

    public static MapInput From(MonitorSettings s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var builtIns = Konvooi.Domain.Questionnaires.Instruments.Find(s.Instrument) is { } i
            ? MonitorIndicators.BuiltInsOf(i).Select(b => b.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        var by = s.By.Select(b => (string?)b).ToList();
        while (by.Count < MapModel.ByRows)
        {
            by.Add(null);
        }

        return new MapInput
        {
            Instrument = s.Instrument,
            Items = string.Join(',', s.Items),
            Codes = s.Codes,
            Weight = s.Weight,
            Strata = s.Strata,
            Psu = s.Psu,
            Fpc = s.Fpc,
            By = by,
            Indicators = [.. s.Indicators.Where(builtIns.Contains)],
            Custom = string.Join('\n', s.Indicators.Where(x => !builtIns.Contains(x))),
            MaxMissing = s.MaxMissing,
            LonelyPsu = s.LonelyPsu,
            Ci = s.Ci,
            MinN = s.MinN,
            Publication = s.Publication,
            ContrastBy = s.ContrastBy,
            ContrastVariable = s.ContrastVariable,
            ContrastA = s.ContrastA,
            ContrastB = s.ContrastB,
        };
    }

    public MonitorSettings ToSettings()
    {
        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var custom = (Custom ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        var by = By.Select(Clean).OfType<string>().Select(b => string.Join(',', b.Split(',').Select(v => v.Trim()))).ToList();
        var contrastVariable = Clean(ContrastVariable);
        return new MonitorSettings
        {
            Instrument = Instrument.Trim(),
            Items = Clean(Items) is { } items ? [.. items.Split(',').Select(c => c.Trim())] : [],
            Codes = Clean(Codes),
            Weight = Clean(Weight),
            Strata = Clean(Strata),
            Psu = Clean(Psu),
            Fpc = Clean(Fpc),
            By = by,
            Indicators = [.. Indicators.Concat(custom)],
            MaxMissing = MaxMissing,
            LonelyPsu = LonelyPsu,
            Ci = Ci == "logit" ? "logit" : "wald",
            MinN = MinN,
            Publication = Publication,
            ContrastBy = contrastVariable is null ? null : Clean(ContrastBy) is { } cb ? string.Join(',', cb.Split(',').Select(v => v.Trim())) : contrastVariable,
            ContrastVariable = contrastVariable,
            ContrastA = contrastVariable is null ? null : Clean(ContrastA),
            ContrastB = contrastVariable is null ? null : Clean(ContrastB),
        };
    }
}
