/**
 * Jest stand-in for `lightning/navigation`, mapped in jest.config.js for every component test: NavigationMixin
 * hands each request to a Jest mock, so a test can say where a link goes and what a click opens. Import
 * `mockNavigate` and `mockGenerateUrl` from this file to assert or to change what GenerateUrl answers (by
 * default a URL that says which record it is for).
 */
const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

interface PageReference {
    type: string;
    attributes?: { recordId?: string; objectApiName?: string; actionName?: string };
}

export const mockNavigate = jest.fn();
export const mockGenerateUrl = jest.fn((ref: PageReference) =>
    Promise.resolve(`/generated/${ref.attributes?.objectApiName ?? ''}/${ref.attributes?.recordId ?? ''}`)
);

type Constructor = new (...args: any[]) => object; // eslint-disable-line @typescript-eslint/no-explicit-any

export function NavigationMixin<T extends Constructor>(Base: T) {
    return class extends Base {
        [Navigate](pageReference: PageReference): void {
            mockNavigate(pageReference);
        }
        [GenerateUrl](pageReference: PageReference): Promise<string> {
            return mockGenerateUrl(pageReference);
        }
    };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;
