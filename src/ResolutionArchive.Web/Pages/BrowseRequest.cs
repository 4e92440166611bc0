using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace ResolutionArchive.Web.Pages;

/// <summary>
/// The home page's query string as the framework binds it (<see cref="BrowseRequestBinder"/>): the filters and order
/// that could be read, and a sentence for each value that could not (docs/browse.md "Filters").
/// </summary>
/// <param name="Filter">The filters and order read.</param>
/// <param name="Ignored">The values left out, each with the reason, in the reader's language.</param>
[ModelBinder(typeof(BrowseRequestBinder))]
public sealed record BrowseRequest(BrowseFilter Filter, IReadOnlyList<string> Ignored);

/// <summary>
/// Binds a <see cref="BrowseRequest"/> from the query parameters <c>body</c>, <c>session</c>, <c>year</c>,
/// <c>mode</c>, <c>status</c> and <c>sort</c> through <see cref="BrowseFilter.Read"/>. Binding never fails: a value it
/// cannot read is dropped and named in <see cref="BrowseRequest.Ignored"/>, so the page shows the list and says why,
/// where the framework's own binding would have answered 400.
/// </summary>
internal sealed class BrowseRequestBinder : IModelBinder
{
    /// <inheritdoc />
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        string? Value(string name) => bindingContext.ValueProvider.GetValue(name).FirstValue;

        var localizer = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var ignored = new List<string>();
        var filter = BrowseFilter.Read(Value("body"), Value("session"), Value("year"), Value("mode"), Value("status"), Value("sort"), ignored, localizer);
        bindingContext.Result = ModelBindingResult.Success(new BrowseRequest(filter, ignored));
        return Task.CompletedTask;
    }
}
