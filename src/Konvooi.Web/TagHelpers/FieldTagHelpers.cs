using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Konvooi.Web.TagHelpers;

/// <summary>
/// Marks an invalid field for assistive technology: <c>aria-invalid="true"</c> and a link to its
/// message (the built-in tag helpers only add a CSS class).
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
public sealed class AriaInvalidTagHelper : TagHelper
{
    public override int Order => 10_000;

    [HtmlAttributeName("asp-for")]
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression? For { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (For is null || ViewContext is null)
        {
            return;
        }

        if (ViewContext.ModelState.TryGetValue(For.Name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var errorId = FieldErrorTagHelper.ErrorId(For.Name);
            var existing = output.Attributes["aria-describedby"]?.Value?.ToString();
            output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(existing) ? errorId : $"{existing} {errorId}");
        }
    }
}

/// <summary>The message beside a field: <c>&lt;field-error for="Input.Name" /&gt;</c>, rendered only when there is one.</summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public Microsoft.AspNetCore.Mvc.ViewFeatures.ModelExpression? For { get; set; }

    /// <summary>The model-state key, for fields without a model expression (e.g. <c>Input.Answers[djg11-3]</c>).</summary>
    public string? Name { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public static string ErrorId(string name) => TagBuilder.CreateSanitizedId(name, "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var key = For?.Name ?? Name;
        if (key is null || ViewContext is null
            || !ViewContext.ModelState.TryGetValue(key, out var entry) || entry.Errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        var span = new TagBuilder("span");
        span.AddCssClass("field-error");
        span.Attributes["id"] = ErrorId(key);
        span.InnerHtml.Append("Fout: " + string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)));
        output.Content.SetHtmlContent(span);
    }
}

/// <summary>An error summary at the top of a form listing every problem, linked to its field.</summary>
[HtmlTargetElement("error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = null;
        var state = ViewContext?.ModelState;
        if (state is null || state.IsValid || state.ErrorCount == 0)
        {
            output.SuppressOutput();
            return;
        }

        var box = new TagBuilder("div");
        box.AddCssClass("error-summary");
        box.Attributes["role"] = "alert";
        box.Attributes["aria-labelledby"] = "error-summary-title";
        var title = new TagBuilder("h2");
        title.Attributes["id"] = "error-summary-title";
        title.InnerHtml.Append("Controleer wat u heeft ingevuld");
        box.InnerHtml.AppendHtml(title);
        var list = new TagBuilder("ul");
        foreach (var (key, entry) in state)
        {
            foreach (var error in entry.Errors)
            {
                var item = new TagBuilder("li");
                if (string.IsNullOrEmpty(key))
                {
                    item.InnerHtml.Append(error.ErrorMessage);
                }
                else
                {
                    var link = new TagBuilder("a");
                    link.Attributes["href"] = "#" + TagBuilder.CreateSanitizedId(key, "_");
                    link.InnerHtml.Append(error.ErrorMessage);
                    item.InnerHtml.AppendHtml(link);
                }

                list.InnerHtml.AppendHtml(item);
            }
        }

        box.InnerHtml.AppendHtml(list);
        output.Content.SetHtmlContent(box);
    }
}
