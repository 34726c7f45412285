import type { AnyExtension } from "@tiptap/core";
import Document from "@tiptap/extension-document";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";
import { Deletion, Insertion, Modification } from "../suggestions/marks.ts";
import { GridTable, GridTableCell, GridTableHeader } from "./gridAttributes.ts";

/** Protocols a link may point to; everything else (javascript:, data:, vbscript:) is refused. */
const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

/** True when `href` is a link target Accord will store and render. */
export const isSafeLinkHref = (href: string): boolean => SAFE_LINK.test(href.trim());

/**
 * The document schema of Accord, as the list of TipTap extensions. Client and server
 * build their ProseMirror schema from this one list, so the server can turn the Yjs
 * state into ProseMirror JSON (for freezing, hashing, diffing and export) with no browser.
 * Collaboration extensions are added by the client on top; they do not change the schema.
 */
export const schemaExtensions = (): AnyExtension[] => [
  // Top-level blocks may carry suggestion marks while the suggest-changes library works on
  // a transaction (a pasted paragraph is marked as a whole); Accord turns them into inline
  // marks before anything is sent, because Yjs keeps no node marks.
  Document.extend({ marks: "insertion deletion modification" }),
  StarterKit.configure({
    document: false,
    // Yjs brings its own undo manager; ProseMirror's history would fight it.
    undoRedo: false,
    // The trailing paragraph would be written into the shared doc by whoever opens a
    // document ending in a list or table: a change nobody made, refused for read-only roles.
    trailingNode: false,
    link: {
      openOnClick: false,
      autolink: true,
      defaultProtocol: "https",
      isAllowedUri: (url) => isSafeLinkHref(url),
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" },
    },
  }),
  // Tables carry the bounded grid attributes (gridAttributes.ts): the KIP finance and goal grids.
  TableKit.configure({ table: false, tableCell: false, tableHeader: false }),
  GridTable.configure({ resizable: false }),
  GridTableCell,
  GridTableHeader,
  // Suggestion marks (shared/suggestions): in the schema of every party, so that a
  // suggestion survives editors that are not suggesting and the server can read it.
  Insertion,
  Deletion,
  Modification,
];

/** Name of the Y.XmlFragment in the Y.Doc that holds the document's content. */
export const CONTENT_FIELD = "default";
