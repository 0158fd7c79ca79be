using Konvooi.Domain.Conversations;
using Konvooi.Features.Conversations;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Konvooi.Web.Pages.Conversation;

/// <summary>One section of the conversation guide, generated from the guide's data. Fields are named <c>a.{question code}</c>.</summary>
public sealed class SectionModel(GetConversationSection.Handler sections, SaveConversationSection.Handler save) : PageModel
{
    private Dictionary<string, IReadOnlyList<string>> _posted = new(StringComparer.Ordinal);

    public Guid Id { get; private set; }

    public GetConversationSection.SectionState? State { get; private set; }

    public bool HasError(string key) => ModelState.HasErrorFor(key);

    /// <summary>What the form shows for a question: what was just posted, or else what is stored.</summary>
    public IReadOnlyList<string> Values(string code) =>
        _posted.TryGetValue(code, out var posted) ? posted
        : State?.Answers.TryGetValue(code, out var stored) == true ? stored : [];

    public async Task<IActionResult> OnGetAsync(Guid id, string section, CancellationToken cancellationToken)
    {
        Id = id;
        State = await sections.HandleAsync(id, section, cancellationToken);
        return State is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string section, int version, CancellationToken cancellationToken)
    {
        Id = id;
        var guide = ConversationGuide.Find(section);
        if (guide is null)
        {
            return NotFound();
        }

        _posted = guide.Questions.ToDictionary(
            q => q.Code,
            q => (IReadOnlyList<string>)Request.Form["a." + q.Code].Where(v => v is not null).Select(v => v!).ToList(),
            StringComparer.Ordinal);
        var outcome = await save.HandleAsync(id, section, _posted, version, cancellationToken);
        switch (outcome)
        {
            case SaveConversationSection.Outcome.Saved:
                TempData["Notice"] = "Dit onderdeel is opgeslagen.";
                return Redirect($"/People/{id}/Conversation/{section}");
            case SaveConversationSection.Outcome.NotFound:
                return NotFound();
            case SaveConversationSection.Outcome.Conflict conflict:
                ModelState.AddModelError(string.Empty,
                    $"{conflict.OtherUser ?? "Een collega"} heeft dit onderdeel net ook opgeslagen. Uw antwoorden staan hieronder nog ingevuld, maar zijn niet opgeslagen. " +
                    "Open het onderdeel opnieuw in een ander tabblad om te zien wat er veranderd is, en sla daarna uw aanvulling op.");
                break;
            case SaveConversationSection.Outcome.Invalid invalid:
                foreach (var problem in invalid.Problems)
                {
                    ModelState.AddModelError("a." + problem.Field, problem.Message);
                }

                break;
        }

        var stored = await sections.HandleAsync(id, section, cancellationToken);
        if (stored is null)
        {
            return NotFound();
        }

        // Keep the version the form was loaded with, so a second save after a conflict is checked again.
        State = stored with { Version = outcome is SaveConversationSection.Outcome.Conflict ? stored.Version : version };
        return Page();
    }
}
