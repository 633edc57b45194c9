{{%AUTOESCAPE context="HTML"}}<p class="actions no-print"><a href="{{WAVE_HREF}}">{{WAVE}}</a> · <a class="button" href="{{PDF_HREF}}" download>[[monitoring.report.pdf]]</a></p>
{{! BODY_HTML is monitoring_report_body.tpl, rendered (and escaped) by its own template: the PDF prints the same. }}
{{BODY_HTML:none}}
