import { textElement } from './map-view';

describe('textElement', () => {
  it('holds a grid name as text, so markup in it is shown and never run', () => {
    const name = '<img src=x onerror="window.hacked=1">象山';

    const element = textElement(name);

    expect(element.textContent).toBe(name);
    expect(element.children).toHaveLength(0);
    expect(element.querySelector('img')).toBeNull();
  });
});
