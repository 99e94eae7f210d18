import { Aspects, attachCustomSynthesis, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';

/**
 * The id of the hook construct in its Stage. Another copy of this library in the same app
 * (two dependencies pinning two versions) gets the next free one: `EksAccessManagerReport2`.
 */
const HOOK_ID = 'EksAccessManagerReport';

/** What runs once a Stage's templates are written, and the construct that runs it now. */
interface StageHook {
  readonly run: () => void;
  construct: TemplatesWritten;
}

/**
 * The hook of each Stage, for this copy of the library only: a construct of another copy
 * is never in this map, so two copies never share or take each other's hook.
 */
const HOOKS_BY_STAGE = new WeakMap<IConstruct, StageHook>();

/**
 * Runs `run` once every stack template of the Stage that holds `scope` is written, each
 * time that Stage is synthesized. Only the first call for a Stage installs it; later ones
 * do nothing.
 *
 * The hook is a construct of its own, a child of the Stage with the custom synthesis on
 * itself (not on the App root, whose single slot another library, or another copy of this
 * one, may hold). Synthesis visits constructs children first, in the order they were
 * added, so the hook runs after every stack that comes before it in the Stage. It is
 * created when the first manager is, so stacks may come after it: before synthesis writes
 * anything (from an aspect, for `synth({ skipValidation: true })`, and again from its
 * validation, after `prepareApp`), it is replaced by a new one at the end of the Stage
 * whenever a stack follows it. It has no resource and no metadata; it shows in tree.json
 * only.
 */
export function afterStageTemplates(scope: IConstruct, run: () => void): void {
  const stage = Stage.of(scope) ?? scope.node.root;
  if (HOOKS_BY_STAGE.has(stage)) { return; }
  const hook = { run } as StageHook;
  hook.construct = new TemplatesWritten(stage, freeId(stage), hook);
  HOOKS_BY_STAGE.set(stage, hook);
}

/** Places the hook at the end of its Stage, at synth time, when not already placed. */
const PLACE_LAST: IAspect = {
  visit: (node) => {
    if (node instanceof TemplatesWritten) { node.placeLast(); }
  },
};

/** Runs its Stage's hook when synthesis reaches it. */
class TemplatesWritten extends Construct {
  constructor(scope: IConstruct, id: string, private readonly hook: StageHook) {
    super(scope as Construct, id);
    attachCustomSynthesis(this, { onSynthesize: () => this.hook.run() });
    // Priority 0: the first aspect on this node, so an aspect added later, at any
    // priority, cannot find a higher one already invoked here.
    Aspects.of(this).add(PLACE_LAST, { priority: 0 });
    this.node.addValidation({ validate: () => { this.placeLast(); return []; } });
  }

  /**
   * Replaces this hook with a new one at the end of the Stage when a stack comes after it.
   * (A construct cannot move; this one has nothing in it, so a new one is the same hook.)
   */
  public placeLast(): void {
    if (this.hook.construct !== this) { return; }
    const stage = this.node.scope!;
    const siblings = stage.node.children;
    const index = siblings.indexOf(this);
    if (index >= 0 && !siblings.slice(index + 1).some(holdsStack)) { return; }
    const id = index >= 0 && stage.node.tryRemoveChild(this.node.id) ? this.node.id : freeId(stage);
    this.hook.construct = new TemplatesWritten(stage, id, this.hook);
  }
}

/** Whether synthesis of this Stage writes a template from inside this construct. */
function holdsStack(construct: IConstruct): boolean {
  if (Stack.isStack(construct)) { return true; }
  // A nested Stage is synthesized on its own, before its parent.
  if (Stage.isStage(construct)) { return false; }
  return construct.node.children.some(holdsStack);
}

/** The hook's id, or the next one free in the Stage (another copy may hold the first). */
function freeId(stage: IConstruct): string {
  let id = HOOK_ID;
  for (let n = 2; stage.node.tryFindChild(id); n++) { id = `${HOOK_ID}${n}`; }
  return id;
}
