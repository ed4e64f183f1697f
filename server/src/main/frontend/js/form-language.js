// form-js has no translations of its own (bpmn-io/form-js#77): its validation messages and a few
// labels are English. On a Japanese page Tsumugi rewrites them; English pages keep form-js's wording.
const VALIDATION_JA = [
  [/^Field is required\.$/, '必須項目です。'],
  [/^Field must have minimum length of (\d+)\.$/, '$1 文字以上で入力してください。'],
  [/^Field must have maximum length of (\d+)\.$/, '$1 文字以内で入力してください。'],
  [/^Field must have minimum value of (.+)\.$/, '$1 以上の値を入力してください。'],
  [/^Field must have maximum value of (.+)\.$/, '$1 以下の値を入力してください。'],
  [/^Field must match pattern (.+)\.$/, '入力の形式が正しくありません（$1）。'],
  [/^Field must be a valid email\.$/, 'メールアドレスの形式で入力してください。'],
  [/^Field must be a valid {1,2}international phone number\..*$/, '電話番号は国際形式で入力してください（例: +81312345678）。'],
  [/^Value is not a number\.$/, '数値を入力してください。'],
  [/^Value is expected to be an integer\.$/, '整数を入力してください。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, '小数点以下 $1 桁までで入力してください。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    '有効な値を入力してください（近い値は $1 または $2）。'],
];

const LABELS_JA = new Map([
  ['Browse', 'ファイルを選択'],
  ['No files selected', 'ファイルが選択されていません'],
  ['Select', '選択してください'],
  ['Search', '検索'],
]);

export function translate(message, language) {
  if (language !== 'ja' || typeof message !== 'string') {
    return message;
  }
  for (const [english, japanese] of VALIDATION_JA) {
    if (english.test(message)) {
      return message.replace(english, japanese);
    }
  }
  return message;
}

/** Makes the form's validator speak the page's language and relabels form-js's own buttons. */
export function speakPageLanguage(form, container) {
  const language = document.documentElement.lang || 'ja';
  if (language !== 'ja') {
    return;
  }
  const validator = form.get('validator');
  for (const method of ['validateField', 'validateFieldInstance']) {
    const original = validator[method].bind(validator);
    validator[method] = (...args) => original(...args).map((message) => translate(message, language));
  }
  // the text node itself is rewritten, not replaced, so form-js (Preact) keeps updating the same node
  const relabel = () => {
    container.querySelectorAll('input[placeholder]').forEach((input) => {
      if (LABELS_JA.has(input.placeholder)) {
        input.placeholder = LABELS_JA.get(input.placeholder);
      }
    });
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const files = /^(\d+) files selected$/.exec(node.nodeValue);
      if (LABELS_JA.has(node.nodeValue)) {
        node.nodeValue = LABELS_JA.get(node.nodeValue);
      } else if (files) {
        node.nodeValue = `${files[1]} 個のファイルを選択しました`;
      }
    }
  };
  new MutationObserver(relabel).observe(container, { childList: true, subtree: true, characterData: true });
  relabel();
}
