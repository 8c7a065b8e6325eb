/**
 * Stand-in for `@salesforce/client/formFactor`: `Small` on a phone-sized window, as the mobile app reports,
 * `Medium` on a tablet, `Large` on a desktop. Read once at load, like the platform's value.
 */
function detect(): 'Large' | 'Medium' | 'Small' {
    const width = typeof window === 'undefined' ? 1280 : window.innerWidth;
    if (width < 768) return 'Small';
    if (width < 1024) return 'Medium';
    return 'Large';
}

const formFactor = detect();
export default formFactor;
