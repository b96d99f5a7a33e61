// Server-rendered markup of the editor: what a hirer's labels become in HTML, and that controls are labelled.
// (Interaction logic lives in lib/pipelines and is tested there.)
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TPipelineDefinition } from "@/lib/pipelines/pipeline-definition";
import { PIPELINE_TEMPLATES, pipelineFromTemplate } from "@/lib/pipelines/pipeline-templates";
import { PipelineEditor } from "./pipeline-editor";

const onSave = async () => ({ ok: true as const, version: 1 });
const render = (initial: TPipelineDefinition | null, kind: "application" | "position" = "application") =>
  renderToStaticMarkup(<PipelineEditor initial={initial} kind={kind} templates={PIPELINE_TEMPLATES} onSave={onSave} />);

describe("PipelineEditor markup", () => {
  it("offers the templates of its kind (and a blank start) when there is no pipeline yet", () => {
    const html = render(null, "position");
    expect(html).toContain("Positions: flat list");
    expect(html).toContain("Positions: phases and statuses");
    expect(html).not.toContain("Applications: flat list");
    expect(html).toContain("Start blank");
  });

  it("renders user text as text: a label like <script>alert(1)</script> shows literally", () => {
    const pipeline = pipelineFromTemplate("application-flat")!;
    pipeline.name = '<img src=x onerror="alert(2)">';
    pipeline.statuses[1]!.label = "<script>alert(1)</script>";
    pipeline.statuses[2]!.label = "<script>alert(1)</script>";
    const html = render(pipeline);
    expect(html).not.toMatch(/<script>|<img /);
    // In the label input, the preview table, the lint panel's duplicate-label warning and the aria-labels.
    expect(html.split("&lt;script&gt;alert(1)&lt;/script&gt;").length - 1).toBeGreaterThanOrEqual(4);
    expect(html).toContain("is also the label of status 2");
  });

  it("labels every form control and names every icon button", () => {
    const html = render(pipelineFromTemplate("application-two-level")!);
    const inputs = html.match(/<(input|select|textarea)\b[^>]*>/g) ?? [];
    expect(inputs.length).toBeGreaterThan(50);
    const ids = new Set([...html.matchAll(/<label[^>]*for="([^"]+)"/g)].map((m) => m[1]));
    const fieldsetRadios = (tag: string) => /type="radio"/.test(tag);
    for (const tag of inputs) {
      const id = tag.match(/\bid="([^"]+)"/)?.[1];
      const labelled = /aria-label="[^"]+"/.test(tag) || (id !== undefined && ids.has(id)) || fieldsetRadios(tag);
      expect(labelled, tag).toBe(true);
    }
    for (const button of html.match(/<button\b[^>]*>[^<]{0,2}<\/button>/g) ?? []) {
      expect(button, "an icon-only button needs an aria-label").toMatch(/aria-label="[^"]+"/);
    }
  });

  it("shows exactly what SEEK receives: phase and status index/total and success", () => {
    const html = render(pipelineFromTemplate("application-two-level")!);
    expect(html).toContain("What SEEK receives");
    expect(html).toMatch(/Offer accepted<\/th><td[^>]*>8 \/ 14<\/td>/);
    expect(html).toContain("5 / 7");
    expect(html).toContain("true (final, successful)");
  });

  it("offers interaction-history mapping only for application pipelines", () => {
    expect(render(pipelineFromTemplate("application-flat")!)).toContain("SEEK interaction history status for");
    expect(render(pipelineFromTemplate("position-flat")!, "position")).not.toContain("interaction history status for");
  });

  it("disables saving while the linter reports errors", () => {
    const saveButton = (html: string) => html.match(/<button[^>]*>Save new version<\/button>/)?.[0] ?? "";
    const empty = render({ name: "Empty", kind: "application", statuses: [] });
    expect(saveButton(empty)).toContain('disabled=""');
    expect(empty.includes("Fix 1 error to save.")).toBe(true);
    const valid = saveButton(render(pipelineFromTemplate("application-flat")!));
    expect(valid).toContain("Save new version");
    expect(valid).not.toContain('disabled=""');
  });
});
