{{%AUTOESCAPE context="HTML"}}<p class="no-print"><a href="/toolbox/{{ID}}">[[toolbox.back_to_method]]</a></p>
<h1>[[toolbox.translations.title]]: {{NAME}}</h1>
<p>{{MISSING_COUNT}}{{#MAY_EDIT}} · <a href="/toolbox/{{ID}}/edit">[[toolbox.edit]]</a>{{/MAY_EDIT}}</p>
<div class="table-wrap"><table class="data toolbox-translations">
<caption>[[toolbox.translations.caption]]</caption>
<thead><tr><th scope="col">[[toolbox.translations.field]]</th>{{#LANG_HEADS}}<th scope="col">{{LANG_LABEL}}{{#LANG_MISSING}} <span class="badge toolbox-missing">[[toolbox.translations.missing]]</span>{{/LANG_MISSING}}</th>{{/LANG_HEADS}}</tr></thead>
<tbody>{{#ROWS}}<tr><th scope="row">{{FIELD}}</th>{{#CELLS}}<td>{{#PRESENT}}<span class="toolbox-text">{{TEXT}}</span>{{/PRESENT}}{{#MISSING}}<span class="badge toolbox-missing">[[toolbox.translations.missing]]</span>{{/MISSING}}</td>{{/CELLS}}</tr>{{/ROWS}}</tbody>
</table></div>
