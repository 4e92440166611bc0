// Progressive enhancement for the ¶ permalinks (Pages/Resolutions/_Permalink.cshtml): a click copies the paragraph's
// full URL and says so; without JavaScript, or without clipboard access, the link simply goes to the anchor.
document.addEventListener("click", async (event) => {
    const link = event.target instanceof Element ? event.target.closest("a.permalink") : null;
    if (!link || !navigator.clipboard) {
        return;
    }

    const url = new URL(link.getAttribute("href"), window.location.href).href;
    try {
        await navigator.clipboard.writeText(url);
        history.replaceState(null, "", url);
        link.dataset.copied = "true";
        link.setAttribute("title", "已复制链接");
        setTimeout(() => { delete link.dataset.copied; link.setAttribute("title", "复制此段的链接"); }, 2000);
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
