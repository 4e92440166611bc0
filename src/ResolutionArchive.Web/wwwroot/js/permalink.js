// Progressive enhancement for the ¶ permalinks (Pages/Resolutions/_Permalink.cshtml): a click copies the paragraph's
// full URL and says so; without JavaScript, or without clipboard access, the link simply goes to the anchor. What it
// says comes from the page, in its language (data-copied and data-copied-title on this script's element, _Layout.cshtml).
const texts = document.currentScript ? document.currentScript.dataset : {};
document.addEventListener("click", async (event) => {
    const link = event.target instanceof Element ? event.target.closest("a.permalink") : null;
    if (!link || !navigator.clipboard) {
        return;
    }

    const url = new URL(link.getAttribute("href"), window.location.href).href;
    try {
        await navigator.clipboard.writeText(url);
        history.replaceState(null, "", url);
        const title = link.getAttribute("title");
        link.dataset.copied = texts.copied || "\u2713";
        link.setAttribute("title", texts.copiedTitle || title);
        setTimeout(() => { delete link.dataset.copied; link.setAttribute("title", title); }, 2000);
        event.preventDefault();
    } catch {
        // no permission: fall back to following the link
    }
});

// A long resolution is shown in pages (Pages/Resolutions/DocumentPages.cs): a link to one of its paragraphs made without
// the page (`/resolutions/{key}#op400`) lands on page 1, where the paragraph is not. The server knows its page:
// `?at=op400` redirects there, at the paragraph. Without JavaScript the pager above the text still leads to it.
(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id && !document.getElementById(id) && document.querySelector("nav.document-pages")) {
        const url = new URL(window.location.href);
        url.hash = "";
        url.searchParams.delete("page");
        url.searchParams.set("at", id);
        window.location.replace(url.href);
    }
})();
