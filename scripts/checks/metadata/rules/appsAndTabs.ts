import { child, childFlag, childText, children } from '../core/xml';
import { problemAt, type CheckContext, type Problem, type Rule } from '../core/types';
import { lwcExposure } from './lwcTargets';

const RULE = 'app-tab-references';

function tabExists(context: CheckContext, tab: string): boolean {
    if (tab.startsWith('standard-')) return true;
    return context.model.component('CustomTab', tab) !== undefined;
}

/**
 * Tabs show something that exists (their object, Lightning page or exposed component); apps list existing
 * tabs and use existing Lightning pages for their overrides and utility bar.
 */
export const appsAndTabs: Rule = {
    name: RULE,
    description: 'tabs and apps name existing objects, pages, components and tabs',
    check(context) {
        const problems: Problem[] = [];
        const { model } = context;
        for (const file of context.filesEnding('.tab-meta.xml')) {
            const root = file.root();
            if (!root) continue;
            const name = file.name.replace(/\.tab-meta\.xml$/, '');
            if (childFlag(root, 'customObject')) {
                if (!model.object(name)?.defined || model.object(name)?.kind !== 'custom') {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            root,
                            `tab ${name} is an object tab, but custom object ${name} does not exist`
                        )
                    );
                }
                if (!childText(root, 'motif'))
                    problems.push(problemAt(RULE, file, root, `object tab ${name} needs a motif (icon)`));
            }
            const page = child(root, 'flexiPage');
            if (page && !model.component('FlexiPage', page.text)) {
                problems.push(
                    problemAt(RULE, file, page, `tab shows Lightning page ${page.text}, which does not exist`)
                );
            }
            const lwc = child(root, 'lwcComponent');
            if (lwc) {
                const exposure = lwcExposure(context, lwc.text);
                if (!exposure.exists || !exposure.exposed || !exposure.targets.has('lightning__Tab')) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            lwc,
                            `tab shows component ${lwc.text}, which must exist, be exposed and target lightning__Tab`
                        )
                    );
                }
            }
        }
        for (const file of context.filesEnding('.app-meta.xml')) {
            const root = file.root();
            if (!root) continue;
            for (const tab of children(root, 'tabs')) {
                if (!tabExists(context, tab.text))
                    problems.push(problemAt(RULE, file, tab, `app lists tab ${tab.text}, which does not exist`));
            }
            for (const override of [
                ...children(root, 'actionOverrides'),
                ...children(root, 'profileActionOverrides')
            ]) {
                const content = child(override, 'content');
                if (
                    childText(override, 'type') === 'Flexipage' &&
                    content &&
                    !model.component('FlexiPage', content.text)
                ) {
                    problems.push(
                        problemAt(
                            RULE,
                            file,
                            content,
                            `override uses Lightning page ${content.text}, which does not exist`
                        )
                    );
                }
                const target = child(override, 'pageOrSobjectType');
                if (target && !target.text.startsWith('standard-') && !model.object(target.text)?.defined) {
                    problems.push(
                        problemAt(RULE, file, target, `override is for object ${target.text}, which does not exist`)
                    );
                }
            }
            const utilityBar = child(root, 'utilityBar');
            if (utilityBar && !model.component('FlexiPage', utilityBar.text)) {
                problems.push(problemAt(RULE, file, utilityBar, `utility bar ${utilityBar.text} does not exist`));
            }
        }
        return problems;
    }
};
