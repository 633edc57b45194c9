{{%AUTOESCAPE context="HTML"}}<div class="toolbox-booklet">
<h1>{{TITLE}}</h1>
<p>{{COUNT}}</p>
<nav class="toolbox-toc" aria-label="[[toolbox.booklet.toc]]"><h2>[[toolbox.booklet.toc]]</h2>
<ol>{{#TOC}}<li><a href="#method-{{ID}}">{{NAME}} <span class="muted">· {{PHASE}}{{#NOT_TRANSLATED}} · [[toolbox.booklet.not_translated]]{{/NOT_TRANSLATED}}</span></a></li>{{/TOC}}</ol>
</nav>
{{#METHODS}}<section class="toolbox-booklet-method">{{BODY_HTML:none}}</section>{{/METHODS}}
</div>
