using Konvooi.Features.Measurements;
using Konvooi.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Konvooi.Web.Pages.Measurements;

/// <summary>What the questionnaire partial needs: the form, the answers so far and the validation state.</summary>
public sealed record QuestionnaireView(QuestionnaireForm Form, IReadOnlyDictionary<string, string?> Answers, ModelStateDictionary ModelState)
{
    public bool HasError(string key) => ModelState.HasErrorFor(key);
}
