using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Konvooi.Web.Infrastructure;

public static class ModelStateExtensions
{
    /// <summary>Whether the field with this model-state key has a message to show beside it.</summary>
    public static bool HasErrorFor(this ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;
    }
}
