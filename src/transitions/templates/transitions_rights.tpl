{{%AUTOESCAPE context="HTML"}}<p><a href="/transitions">[[transitions.title]]</a></p>
<h1>[[transitions.rights.title]]</h1>
<p>[[transitions.rights.intro]]</p>
{{#ERASED}}<div class="notice" role="status"><p>[[transitions.rights.erased]]</p></div>{{/ERASED}}
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
<form method="post" action="/transitions/rights" class="stack card">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<label for="tr-setting_id">[[transitions.rights.setting]]</label>
<select id="tr-setting_id" name="setting_id" required>{{#SETTING_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SETTING_OPTIONS}}</select>
<label for="tr-first_name">[[transitions.part.first_name]]</label>
<input id="tr-first_name" name="first_name" value="{{FIRST_NAME}}" required maxlength="40" autocomplete="off">
<label for="tr-birth_month">[[transitions.part.birth_month]]</label>
<input id="tr-birth_month" name="birth_month" type="month" value="{{BIRTH_MONTH}}" required placeholder="2023-05">
<p><button type="submit">[[transitions.rights.search]]</button></p>
</form>
{{#SEARCHED}}<section class="card" aria-labelledby="rights-found">
<h2 id="rights-found">[[transitions.rights.found]]: {{COUNT}}</h2>
{{#NOTHING}}<p>[[transitions.rights.nothing]]</p>{{/NOTHING}}
{{#FOUND}}<table><thead><tr><th scope="col">[[transitions.handover.date]]</th><th scope="col">[[transitions.consents]]</th><th scope="col">[[transitions.rights.reads]]</th></tr></thead>
<tbody>{{#HANDOVERS}}<tr><td>{{DATE}}</td><td>{{CONSENTS}}</td><td>{{READS}}</td></tr>{{/HANDOVERS}}</tbody></table>
<form method="post" action="/transitions/rights/export" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="setting_id" value="{{SETTING_ID}}"><input type="hidden" name="first_name" value="{{FIRST_NAME}}"><input type="hidden" name="birth_month" value="{{BIRTH_MONTH}}"><input type="hidden" name="format" value="json"><button type="submit" class="button">[[transitions.rights.export_json]]</button></form>
<form method="post" action="/transitions/rights/export" class="inline"><input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="setting_id" value="{{SETTING_ID}}"><input type="hidden" name="first_name" value="{{FIRST_NAME}}"><input type="hidden" name="birth_month" value="{{BIRTH_MONTH}}"><input type="hidden" name="format" value="html"><button type="submit" class="button">[[transitions.rights.export_html]]</button></form>
<form method="post" action="/transitions/rights/erase" class="stack">
<input type="hidden" name="_csrf" value="{{CSRF}}"><input type="hidden" name="setting_id" value="{{SETTING_ID}}"><input type="hidden" name="first_name" value="{{FIRST_NAME}}"><input type="hidden" name="birth_month" value="{{BIRTH_MONTH}}">
<label><input type="checkbox" name="confirm" value="yes" id="tr-confirm"> [[transitions.rights.confirm]]</label>
<p><button type="submit">[[transitions.rights.erase]]</button></p>
</form>{{/FOUND}}
</section>{{/SEARCHED}}
